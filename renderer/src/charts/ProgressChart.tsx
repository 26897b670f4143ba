/**
 * «Ход выполнения по кварталам»: the share of measures done (0–100 %) by quarter as a line chart, one
 * line per roadmap and a thicker «Район» line for the district. The same figures stand in a visually
 * hidden table (screen readers, and the tests read it) and in the canvas's aria-label.
 * Used by the execution page (one roadmap) and the start screen (the district and its roadmaps).
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { Progress, ProgressSeries } from '../../../db/progress';
import { cssColor, lineColor } from '../../../shared/progress-colors';
import { visuallyHidden } from '../visually-hidden';

// Only the pieces a line chart needs: the bundle keeps what is registered (no 'chart.js/auto').
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** The lines to draw from the API's answer: the roadmaps, and the district when there are several. */
export function progressSeries(p: Progress): ProgressSeries[] {
  return p.district && p.roadmaps.length !== 1 ? [...p.roadmaps, p.district] : p.roadmaps;
}

export const percentText = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

interface Props {
  series: ProgressSeries[];
  height?: number;
  /** The caption of the hidden table and the start of the aria-label. */
  title?: string;
}

export function ProgressChart({ series, height = 220, title = 'Ход выполнения по кварталам' }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  // Every quarter any line has, in order: lines of roadmaps with different periods share one axis.
  const quarters = [...new Set(series.flatMap((s) => s.points.map((p) => p.quarter)))].sort();
  const labelOf = new Map(series.flatMap((s) => s.points.map((p) => [p.quarter, p.label] as const)));
  const pointAt = (s: ProgressSeries, q: string) => s.points.find((p) => p.quarter === q) ?? null;
  const roadmapLines = series.filter((s) => s.roadmapId !== null).length;

  useEffect(() => {
    if (!canvas.current) return;
    let n = 0;
    const datasets: ChartDataset<'line', (number | null)[]>[] = series.map((s) => {
      const district = s.roadmapId === null;
      const color = cssColor(lineColor(district ? 0 : n++, district));
      return {
        label: s.title,
        data: quarters.map((q) => {
          const share = pointAt(s, q)?.share ?? null;
          return share === null ? null : Math.round(share * 1000) / 10;
        }),
        borderColor: color,
        backgroundColor: color,
        borderWidth: district && roadmapLines > 1 ? 4 : 2,
        pointRadius: district ? 4 : 3,
        // A quarter without a share (nothing due, not over yet) is a gap, not a fall to zero.
        spanGaps: false,
      };
    });
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: { labels: quarters.map((q) => labelOf.get(q) ?? q), datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        // Room for the points at 100 % and the last quarter's label: the axes end at the canvas's edge otherwise.
        layout: { padding: { top: 6, right: 12 } },
        scales: {
          y: { min: 0, max: 100, ticks: { stepSize: 25, callback: (v) => `${v} %` } },
        },
        plugins: {
          // One line needs no legend: the caption above the chart names it.
          legend: { display: series.length > 1, position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              label: (ctx) => {
                const p = pointAt(series[ctx.datasetIndex]!, quarters[ctx.dataIndex]!);
                return `${ctx.dataset.label}: ${percentText(p?.share ?? null)}${p ? ` (${p.done} из ${p.due})` : ''}`;
              },
            },
          },
        },
      },
    });
    return () => chart.destroy();
    // The figures decide the drawing; a new array of the same figures need not redraw.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(series)]);

  const summary = series
    .map(
      (s) =>
        `${s.title}: ${
          s.points
            .filter((p) => p.share !== null)
            .map((p) => `${p.label} — ${percentText(p.share)}`)
            .join(', ') || 'нет данных'
        }`,
    )
    .join('; ');

  return (
    <div data-testid="progress-chart">
      <div style={{ position: 'relative', height }}>
        <canvas ref={canvas} role="img" aria-label={`${title}. ${summary}`} />
      </div>
      <table style={visuallyHidden} data-testid="progress-table">
        <caption>{title}: доля выполненных мероприятий из тех, срок которых приходится на квартал</caption>
        <thead>
          <tr>
            <th scope="col">Квартал</th>
            {series.map((s) => (
              <th scope="col" key={s.roadmapId ?? 'district'}>
                {s.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={q} data-quarter={q}>
              <th scope="row">{labelOf.get(q)}</th>
              {series.map((s) => {
                const p = pointAt(s, q);
                return <td key={s.roadmapId ?? 'district'}>{p ? `${percentText(p.share)} (${p.done} из ${p.due})` : ''}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

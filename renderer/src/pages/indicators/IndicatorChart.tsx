/**
 * An indicator's trend: target and actual by year for the district and, when chosen, one school —
 * a chart.js line chart with its figures in the aria-label and in a visually hidden table.
 */
import { CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ApiOutput } from '../../api';
import { formatIndicatorValue, yearLabel } from '../../../../shared/indicators';
import { INDICATOR_UNIT_LABELS } from '../../../../shared/labels';
import { visuallyHidden } from '../../visually-hidden';

// Only the pieces drawn here (tree-shaken; no 'chart.js/auto').
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

type BoardIndicator = ApiOutput<'indicators.board'>['indicators'][number];
type Line = BoardIndicator['lines'][number];

interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  dashed: boolean;
}

function seriesOf(line: Line, color: string): Series[] {
  return [
    { label: `${line.school}: план`, values: line.years.map((y) => y.target), color, dashed: true },
    { label: `${line.school}: факт`, values: line.years.map((y) => y.actual), color, dashed: false },
  ];
}

export function IndicatorChart({ indicator, schoolId }: { indicator: BoardIndicator; schoolId: number | null }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const district = indicator.lines[0]!;
  const school = schoolId === null ? undefined : indicator.lines.find((l) => l.schoolId === schoolId);
  const labels = indicator.years.map((y) => yearLabel(y, indicator.yearKind));
  const series = [...seriesOf(district, '#1677ff'), ...(school ? seriesOf(school, '#d46b08') : [])];
  const unit = INDICATOR_UNIT_LABELS[indicator.unit];
  const key = JSON.stringify([labels, series]);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'line',
      data: {
        labels,
        datasets: series.map((s) => ({
          label: s.label,
          data: s.values,
          borderColor: s.color,
          backgroundColor: s.color,
          borderDash: s.dashed ? [6, 4] : [],
          spanGaps: true,
          tension: 0,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 18 } } },
        scales: { y: { beginAtZero: true, ...(indicator.unit === 'percent' ? { max: 100 } : {}), title: { display: true, text: unit } } },
      },
    });
    return () => chart.destroy();
    // The chart is redrawn when its figures change, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, indicator.unit]);

  const figures = series
    .map((s) => `${s.label} — ${s.values.map((v, i) => `${labels[i]}: ${v === null ? 'нет' : formatIndicatorValue(v)}`).join(', ')}`)
    .join('; ');
  return (
    <figure style={{ margin: 0 }} data-testid="indicator-chart">
      <div style={{ position: 'relative', height: 200 }}>
        <canvas ref={canvas} role="img" aria-label={`Динамика «${indicator.name}», ${unit}. ${figures}`} />
      </div>
      <table style={visuallyHidden} data-testid="indicator-chart-table">
        <caption>
          Динамика «{indicator.name}», {unit}
        </caption>
        <thead>
          <tr>
            <th scope="col">Ряд</th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              {s.values.map((v, i) => (
                <td key={labels[i]}>{v === null ? 'нет' : formatIndicatorValue(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/**
 * «Шкала времени»: the roadmap's measures along its period — sections and measures down the side,
 * years, quarters (or четверти) and months across, a bar, diamond or ticks per measure coloured by its
 * execution marks, today as a red line. Only the rows in view are drawn (a plan of 2 000 measures
 * scrolls as one of 20); the scale and the names stay in place (position: sticky) while scrolling.
 */
import { SUMMARY_KEYS } from '../../../shared/status-summary';
import { App, Button, Radio, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { call } from '../api';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { statusHex } from '../../../shared/status-colors';
import {
  DAY_PX,
  dayNumber,
  headerOf,
  pagesOf,
  PAPER,
  rowsOf,
  scaleOf,
  xOf,
  ZOOMS,
  type ColorKey,
  type Paper,
  type TimelineModel,
  type TimelineRow,
  type Zoom,
} from '../../../shared/timeline-layout';
import { printPage, savePng, svgToPngBase64 } from './export';
import { colorLabel, gridOf, gridSvg, headerHeight, headerSvg, NAME_W, pictureSvg, ROW_H, rowSvg } from './svg';

/** Rows drawn above and below the visible ones, so that a quick scroll does not show blank rows. */
const OVERSCAN = 8;
// The report's columns, in their order: the same six colours as its chart.
const LEGEND: readonly ColorKey[] = SUMMARY_KEYS;

export function TimelineTab({ roadmapId }: { roadmapId: number }) {
  const load = useLoad(() => call('plan.timeline', { roadmapId }), [roadmapId]);
  if (load.error) return <Typography.Text type="danger">{load.error}</Typography.Text>;
  if (!load.data) return null;
  return <TimelineView model={load.data} fileName={load.data.fileName} />;
}

/** Up to half a year opens by months; a longer period by quarters, so a year's roadmap fits 1366 px whole. */
const defaultZoom = (m: TimelineModel): Zoom =>
  dayNumber(m.roadmap.periodEnd) - dayNumber(m.roadmap.periodStart) <= 200 ? 'months' : 'quarters';

function TimelineView({ model, fileName }: { model: TimelineModel; fileName: string }) {
  const act = useAction();
  const { message } = App.useApp();
  const today = useMemo(() => dayjs().format('YYYY-MM-DD'), []);
  const [zoom, setZoom] = useState<Zoom>(() => defaultZoom(model));
  const [paper, setPaper] = useState<Paper>('A4');
  const [printing, setPrinting] = useState<Paper | null>(null);
  const [busy, setBusy] = useState(false);
  const endPrint = useCallback(() => setPrinting(null), []);
  const { rows, unparsed } = useMemo(() => rowsOf(model), [model]);
  const scale = useMemo(() => scaleOf(model, DAY_PX[zoom]), [model, zoom]);
  const header = useMemo(() => headerOf(scale, zoom, model.schoolQuarters), [scale, zoom, model.schoolQuarters]);
  const grid = useMemo(() => gridOf(header), [header]);
  const hh = headerHeight(header);
  // A row's markup is made once per scale: scrolling back does not draw it again. The grid and today's
  // line are one picture behind all rows, not a copy in each.
  // An empty cache for each scale and day (what the markup depends on); rows come with the model.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const drawn = useMemo(() => new Map<number, string>(), [scale, today, rows]);
  const rowMarkup = (i: number) => {
    let s = drawn.get(i);
    if (s === undefined) drawn.set(i, (s = rowSvg(rows[i]!, scale, null, today)));
    return s;
  };
  const backdrop = useMemo(() => gridSvg(scale, grid, today, 0, rows.length * ROW_H), [scale, grid, today, rows.length]);

  const box = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const frame = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      const el = box.current;
      if (el) setView({ top: el.scrollTop, height: el.clientHeight });
    });
  };
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setView({ top: el.scrollTop, height: el.clientHeight });
    const ro = new ResizeObserver(() => setView({ top: el.scrollTop, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Today in view when the timeline opens or the zoom changes: if it is off the right edge, brought in a little from the left.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || today < scale.start || today >= scale.end) return;
    const x = xOf(scale, today);
    el.scrollLeft = x > (el.clientWidth - NAME_W) * 0.8 ? x - 200 : 0;
  }, [scale, today]);

  const first = Math.max(0, Math.floor((view.top - hh) / ROW_H) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const title = model.roadmap.title;

  const savePicture = async () => {
    setBusy(true);
    try {
      let saved: string | null = null;
      await act(async () => {
        const pic = pictureSvg({ title, rows, scale, header, today });
        saved = await savePng(model.roadmap.id, fileName, await svgToPngBase64(pic.svg, pic.width, pic.height));
      });
      // Null: the user cancelled the dialog, nothing to report.
      if (saved !== null) void message.success(`Рисунок сохранён: ${saved}`);
    } finally {
      setBusy(false);
    }
  };

  const saveRef = useRef(savePicture);
  saveRef.current = savePicture;
  // Made again only when what it shows changes: a scroll step does not re-render the buttons and the legend.
  const toolbar = useMemo(
    () => (
      <Space size={8} wrap style={{ marginBottom: 6 }}>
        <Radio.Group
          size="small"
          optionType="button"
          aria-label="Масштаб"
          value={zoom}
          onChange={(e) => setZoom(e.target.value as Zoom)}
          options={ZOOMS}
        />
        <Button size="small" loading={busy} onClick={() => void saveRef.current()} disabled={!rows.length}>
          Сохранить как PNG
        </Button>
        <Space.Compact size="small">
          <Select
            size="small"
            aria-label="Формат листа"
            value={paper}
            onChange={setPaper}
            style={{ width: 150 }}
            options={[
              { value: 'A4', label: 'A4, альбомный' },
              { value: 'A3', label: 'A3, альбомный' },
            ]}
          />
          <Button size="small" onClick={() => setPrinting(paper)} disabled={!rows.length}>
            Печать / PDF
          </Button>
        </Space.Compact>
        <Legend />
      </Space>
    ),
    [zoom, busy, paper, rows.length],
  );
  const scaleMarkup = useMemo(() => headerSvg(header, scale, today), [header, scale, today]);

  return (
    <div data-testid="timeline">
      {toolbar}
      {rows.length === 0 ? (
        <Typography.Paragraph type="secondary">
          Ни у одного мероприятия срок не распознан как дата или период: рисовать на шкале нечего.
        </Typography.Paragraph>
      ) : (
        <div
          ref={box}
          onScroll={onScroll}
          data-testid="timeline-scroll"
          style={{
            position: 'relative',
            overflow: 'auto',
            height: `calc(100vh - ${unparsed.length ? 330 : 250}px)`,
            minHeight: 240,
            border: '1px solid #f0f0f0',
          }}
        >
          <div style={{ position: 'relative', width: NAME_W + scale.width, height: hh + rows.length * ROW_H }}>
            <div style={{ position: 'sticky', top: 0, zIndex: 3, display: 'flex', height: hh, background: '#fafafa' }}>
              <div
                style={{
                  ...nameCell,
                  zIndex: 4,
                  height: hh,
                  alignItems: 'flex-end',
                  paddingBottom: 3,
                  color: '#595959',
                  background: '#fafafa',
                }}
              >
                Раздел, мероприятие
              </div>
              <svg
                data-testid="timeline-scale"
                width={scale.width}
                height={hh}
                style={{ display: 'block', flex: 'none' }}
                dangerouslySetInnerHTML={{ __html: scaleMarkup }}
              />
            </div>
            <svg
              width={scale.width}
              height={rows.length * ROW_H}
              style={{ position: 'absolute', top: hh, left: NAME_W, display: 'block' }}
              dangerouslySetInnerHTML={{ __html: backdrop }}
            />
            {rows.slice(first, last).map((row, k) => (
              <RowView
                key={`${first + k}-${row.label}`}
                row={row}
                top={hh + (first + k) * ROW_H}
                width={scale.width}
                markup={rowMarkup(first + k)}
                roadmapId={model.roadmap.id}
              />
            ))}
          </div>
        </div>
      )}
      {unparsed.length > 0 && <UnparsedList model={model} measures={unparsed} />}
      {printing && <PrintPages model={model} rows={rows} unparsed={unparsed} paper={printing} today={today} onDone={endPrint} />}
    </div>
  );
}

/**
 * One row: the name (sticky at the left) and the row's picture. Memoised: a scroll step re-renders only
 * the rows that come into view, not those already drawn.
 */
const RowView = memo(function RowView(props: { row: TimelineRow; top: number; width: number; markup: string; roadmapId: number }) {
  const { row, top, width, markup, roadmapId } = props;
  const measure = row.kind === 'measure' ? row.measure : null;
  const open = measure ? () => go('roadmaps', roadmapId, 'plan', measure.id) : undefined;
  return (
    <div
      data-testid="timeline-row"
      data-measure-id={measure?.id}
      style={{ position: 'absolute', top, left: 0, height: ROW_H, width: NAME_W + width, display: 'flex' }}
    >
      <div
        data-testid="timeline-name"
        title={measure ? `${measure.number} ${measure.name}\nСрок: ${measure.term}` : row.label}
        role={open ? 'link' : undefined}
        tabIndex={open ? 0 : undefined}
        onClick={open}
        onKeyDown={open ? (e) => e.key === 'Enter' && open() : undefined}
        style={{
          ...nameCell,
          fontWeight: measure ? 400 : 600,
          background: measure ? '#fff' : '#f5f5f5',
          cursor: open ? 'pointer' : 'default',
        }}
      >
        <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{row.label}</span>
      </div>
      <svg width={width} height={ROW_H} style={{ display: 'block', flex: 'none' }} dangerouslySetInnerHTML={{ __html: markup }} />
    </div>
  );
});

const nameCell: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 2,
  flex: 'none',
  width: NAME_W,
  display: 'flex',
  alignItems: 'center',
  padding: '0 6px',
  fontSize: 12,
  borderRight: '1px solid #d9d9d9',
  borderBottom: '1px solid #f0f0f0',
  boxSizing: 'border-box',
  overflow: 'hidden',
};

function Legend() {
  return (
    <Space size={10} wrap style={{ fontSize: 12 }} data-testid="timeline-legend">
      {LEGEND.map((k) => (
        <span key={k} style={{ whiteSpace: 'nowrap' }}>
          <span style={{ display: 'inline-block', width: 10, height: 10, marginRight: 4, background: statusHex(k), borderRadius: 2 }} />
          {colorLabel(k)}
        </span>
      ))}
      <span style={{ color: '#595959' }}>
        ▬ период · ◆ срок · ┃ повторяющийся срок · красная линия — сегодня ·{' '}
        <span style={{ display: 'inline-block', width: 10, height: 10, border: '1.5px solid #820014', verticalAlign: -1 }} /> тёмно-красная
        рамка — просрочено
      </span>
    </Space>
  );
}

function UnparsedList({ model, measures }: { model: TimelineModel; measures: TimelineModel['sections'][number]['measures'] }) {
  return (
    <div data-testid="timeline-unparsed" style={{ marginTop: 6, maxHeight: 76, overflow: 'auto', fontSize: 12 }}>
      <Typography.Text strong>Срок не распознан ({measures.length}): </Typography.Text>
      {measures.map((m, i) => (
        <span key={m.id}>
          {i > 0 && '; '}
          <a data-testid="unparsed-measure" onClick={() => go('roadmaps', model.roadmap.id, 'plan', m.id)}>
            {m.number} {m.name.length > 60 ? `${m.name.slice(0, 59)}…` : m.name}
          </a>{' '}
          <Typography.Text type="secondary">«{m.term || 'срок не указан'}»</Typography.Text>
        </span>
      ))}
    </div>
  );
}

/**
 * The printed pages, put beside the app (which print CSS hides): the whole period fitted into the
 * sheet's width, as many rows per sheet as fit, the scale repeated at the top of each. They stay until
 * the print is over (the browser's «afterprint», or the desktop's dialog closing).
 */
function PrintPages(props: {
  model: TimelineModel;
  rows: ReturnType<typeof rowsOf>['rows'];
  unparsed: ReturnType<typeof rowsOf>['unparsed'];
  paper: Paper;
  today: string;
  onDone: () => void;
}) {
  const { model, rows, paper, today, onDone } = props;
  const nameWidth = paper === 'A4' ? 280 : 360;
  const pages = useMemo(() => {
    const whole = scaleOf(model, 1);
    const scale = scaleOf(model, (PAPER[paper].width - nameWidth) / (dayNumber(whole.end) - dayNumber(whole.start)));
    // Months are named where a month is wide enough for «сен»; otherwise years and quarters only.
    const header = headerOf(scale, scale.dayPx * 30 >= 24 ? 'months' : 'years', model.schoolQuarters);
    const list = pagesOf(rows.length, paper, headerHeight(header), ROW_H);
    return list.map(
      (p, i) =>
        pictureSvg({
          title: `${model.roadmap.title} — лист ${i + 1} из ${list.length}`,
          rows: rows.slice(p.from, p.to),
          scale,
          header,
          today,
          nameWidth,
        }).svg,
    );
  }, [model, rows, paper, today, nameWidth]);
  useEffect(() => {
    let done = false;
    const finish = () => {
      if (!done) onDone();
      done = true;
    };
    window.addEventListener('afterprint', finish);
    // The desktop's print answers when its dialog closes; the browser's window.print() fires «afterprint».
    void printPage(paper).then(() => window.rmk && finish(), finish);
    return () => {
      done = true;
      window.removeEventListener('afterprint', finish);
    };
  }, [paper, onDone]);
  return createPortal(
    <div className="timeline-print" data-testid="timeline-print">
      <style>{`@media screen { .timeline-print { display: none; } }
@media print {
  @page { size: ${paper} landscape; margin: 10mm; }
  body > *:not(.timeline-print) { display: none !important; }
  .timeline-print .sheet { break-after: page; }
  .timeline-print .sheet:last-child { break-after: auto; }
  .timeline-print svg { display: block; max-width: 100%; height: auto; }
}`}</style>
      {pages.map((svg, i) => (
        <div key={i} className="sheet" dangerouslySetInnerHTML={{ __html: svg }} />
      ))}
      {props.unparsed.length > 0 && (
        <div className="sheet" style={{ fontFamily: 'Arial, sans-serif', fontSize: 11 }}>
          <b>Срок не распознан ({props.unparsed.length}):</b>
          {props.unparsed.map((m) => (
            <div key={m.id}>
              {m.number} {m.name} — «{m.term}»
            </div>
          ))}
        </div>
      )}
    </div>,
    document.body,
  );
}

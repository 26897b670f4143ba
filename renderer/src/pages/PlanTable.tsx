/**
 * The plan of a roadmap as one table, edited as in Word but better: sections as full-width rows,
 * measures under them; add, edit, delete, move by keyboard (Alt+↑/↓) or by dragging rows; the
 * numbering is redone by the database after every change; Ctrl+Z undoes the last changes and
 * Ctrl+Y (or Ctrl+Shift+Z) brings back what undo took back.
 * The table is virtualised with each row at its own measured height (plan/useVirtualRows.tsx), so that
 * 2 000 measures scroll smoothly and the scrollbar keeps its length; it fills the screen's width and
 * height (plan/layout.ts), its columns can be widened by dragging a header's edge (kept per roadmap),
 * and it can be filtered and sorted (plan/view.ts) — while it is, rows cannot be moved, since the
 * order shown is not the plan's.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  EditOutlined,
  FilterOutlined,
  PlusOutlined,
  RedoOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, Form, Input, Modal, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { quarterOf, quartersOfPeriod } from '../../../shared/quarters';
import type { ExecutionStatus } from '../../../shared/labels';
import { call, type ApiOutput } from '../api';
import type { Directory } from '../directory';
import { useAction } from '../hooks';
import { differing, useVersionedSave } from '../stale';
import { useUnsavedGuard } from '../unsaved';
import { MeasureDrawer, type MeasureTarget } from './MeasureDrawer';
import { TermCell } from './TermHint';
import { LIMITS, limitRule, limited } from '../limits';
import { FilterState, PlanFilterBar, SortSelect } from './plan/PlanFilterBar';
import { ResizableTitle, type ResizableProps } from './plan/ResizableTitle';
import { useOwnWidths } from './plan/widths';
import { isPlanOrder, NO_FILTER, planRows, viewRows, filterCount, type PlanFilter, type PlanSort, type ViewRow } from './plan/view';
import { COLUMNS, effectiveWidths, total, type ColumnKey } from './plan/layout';
import { rowMeasurer, type RowText } from './plan/row-heights';
import { SpacedBody, SpacersProvider, useVirtualRows } from './plan/useVirtualRows';
import { usePlanGeometry } from './plan/geometry';
import { aliasLines } from '../../../shared/school-match';

type PlanData = ApiOutput<'plan.get'>;
type Section = PlanData['sections'][number];
type Measure = Section['measures'][number];

type Row = ViewRow<Section, Measure>;

/** Why moving is off while the rows are filtered or sorted. */
const NOT_PLAN_ORDER = 'Строки отфильтрованы или отсортированы: порядок на экране — не порядок плана. Сбросьте фильтр, чтобы перемещать.';

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

const isTyping = (e: KeyboardEvent) => {
  const t = e.target as HTMLElement;
  return t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable;
};

/** What a row shows, as the row measurer reads it: the same text as the columns below draw. */
function rowText(r: Row): RowText {
  if (r.kind === 'section') return { kind: 'section', title: `${r.section.number ? `${r.section.number}. ` : ''}${r.section.title ?? ''}` };
  const m = r.measure;
  return {
    kind: 'measure',
    number: m.number,
    name: m.name,
    term: m.term,
    understood: `${m.parsed.kind === 'unparsed' ? '⚠ ' : '→ '}${m.parsed.understood}`,
    caveat: m.parsed.caveat ?? '',
    executors: m.executors,
    result: m.result,
  };
}

export function PlanTable({
  data,
  dir,
  reload,
  openMeasureId,
}: {
  data: PlanData;
  dir: Directory;
  reload: () => Promise<void>;
  openMeasureId: number | null;
}) {
  const { modal, message } = App.useApp();
  const act = useAction();
  const saveVersioned = useVersionedSave();
  const { roadmap, sections, undo } = data;
  const [filter, setFilter] = useState<PlanFilter>(NO_FILTER);
  const [sort, setSort] = useState<PlanSort>('number');
  const [filterOpen, setFilterOpen] = useState(false);
  const allRows = useMemo(() => planRows<Section, Measure>(sections), [sections]);
  const measureCount = allRows.filter((r) => r.kind === 'measure').length;

  // The current quarter; for a roadmap of past or future years, the nearest quarter of its own period,
  // since a quarter outside the period can have no marks.
  const quarter = useMemo(() => {
    const all = quartersOfPeriod(roadmap.periodStart, roadmap.periodEnd);
    const now = quarterOf(today());
    return all.includes(now) || all.length === 0 ? now : now < all[0]! ? all[0]! : all.at(-1)!;
  }, [roadmap.periodStart, roadmap.periodEnd]);
  // What the status and overdue filters read, loaded only when one of them is on (and after each change).
  const [statuses, setStatuses] = useState<ReadonlyMap<number, ExecutionStatus>>(new Map());
  const [overdue, setOverdue] = useState<ReadonlySet<number> | null>(null);
  const needStatuses = filter.status !== null;
  const needOverdue = filter.overdue;
  useEffect(() => {
    let live = true;
    if (needStatuses)
      void act(async () => {
        const list = await call('execution.ofQuarter', { roadmapId: roadmap.id, quarter });
        if (live) setStatuses(new Map(list.map((x) => [x.measureId, x.status])));
      });
    if (needOverdue)
      // The rule of «просрочено» is the database's (db/terms/due.ts), the same as on «Сроки».
      void act(async () => {
        const items = await call('terms.due', { today: today(), window: 'overdue', roadmapId: roadmap.id });
        if (live) setOverdue(new Set(items.filter((x) => x.source === 'measure').map((x) => x.id)));
      });
    return () => {
      live = false;
    };
  }, [needStatuses, needOverdue, data, roadmap.id, quarter, act]);

  // The directory keeps aliases as one text, one per line; the matcher wants them as a list.
  const schools = useMemo(() => dir.schools.map((o) => ({ ...o, aliases: aliasLines(o.aliases) })), [dir.schools]);
  const rows = useMemo(
    () => viewRows<Section, Measure>(sections, filter, sort, { schools, personName: dir.personName, statuses, overdue }),
    [sections, filter, sort, schools, dir.personName, statuses, overdue],
  );
  const planOrder = isPlanOrder(filter, sort);
  const filtered = filterCount(filter) > 0;
  const shownCount = rows.filter((r) => r.kind === 'measure').length;
  const resetView = () => {
    setFilter(NO_FILTER);
    setSort('number');
  };

  const [selected, setSelected] = useState<string | null>(null);
  /** The row opened from «Сроки» or search: highlighted until another row is selected. */
  const [highlight, setHighlight] = useState<string | null>(null);
  const [scrollKey, setScrollKey] = useState<string | null>(null);
  const select = (key: string | null) => {
    setSelected(key);
    if (key !== highlight) setHighlight(null);
  };
  const [target, setTarget] = useState<MeasureTarget | null>(null);
  const [sectionEdit, setSectionEdit] = useState<{ id: number | null; title: string; index?: number; version?: number } | null>(null);
  const dragKey = useRef<string | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [sectionForm] = Form.useForm<{ title: string }>();
  const realSections = sections.filter((s): s is Section & { id: number } => s.id !== null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const geometry = usePlanGeometry(wrapRef);
  const [ownWidths, setOwnWidths] = useOwnWidths(roadmap.id);

  // Only a row on screen counts as selected: Delete must never reach a row the filter hides.
  const selectedRow = rows.find((r) => r.key === selected) ?? null;

  // Opened from «Сроки» or search with a measure in the address: select it, scroll to it, highlight it
  // and open its form, once. A filter that hides it is reset, or it could not be shown.
  const opened = useRef<number | null>(null);
  useEffect(() => {
    if (!openMeasureId || opened.current === openMeasureId) return;
    const row = allRows.find((r) => r.key === `m${openMeasureId}`);
    if (!row || row.kind !== 'measure') return;
    opened.current = openMeasureId;
    if (!rows.some((r) => r.key === row.key)) resetView();
    setSelected(row.key);
    setHighlight(row.key);
    setScrollKey(row.key);
    setTarget({ mode: 'edit', measure: row.measure, sectionId: row.sectionId });
  }, [openMeasureId, allRows, rows]);
  useEffect(() => {
    if (!scrollKey || geometry.width === 0 || !rows.some((r) => r.key === scrollKey)) return;
    // After the table is laid out: its body is the box that scrolls.
    // (Not cancelled on cleanup: clearing scrollKey below re-runs this effect at once.)
    const key = scrollKey;
    requestAnimationFrame(() => scrollToKeyRef.current(key, 'start'));
    setScrollKey(null);
  }, [scrollKey, rows, geometry.width]);
  const run = useCallback(
    async (action: () => Promise<unknown>, success?: string) => {
      const ok = await act(action, success);
      await reload();
      return ok;
    },
    [act, reload],
  );

  // Where a new measure goes: after the selected one, or at the end of the selected section, or at the very end.
  const addMeasure = () => {
    if (selectedRow?.kind === 'measure') return setTarget({ mode: 'new', sectionId: selectedRow.sectionId, index: selectedRow.index + 1 });
    if (selectedRow?.kind === 'section')
      return setTarget({ mode: 'new', sectionId: selectedRow.section.id, index: selectedRow.section.measures.length });
    const last = sections.at(-1);
    setTarget({ mode: 'new', sectionId: last?.id ?? null, index: last?.measures.length ?? 0 });
  };

  const addSection = () => {
    const index =
      selectedRow?.kind === 'section'
        ? selectedRow.index + 1
        : selectedRow?.kind === 'measure' && selectedRow.sectionId !== null
          ? realSections.findIndex((s) => s.id === selectedRow.sectionId) + 1
          : realSections.length;
    sectionForm.setFieldsValue({ title: '' });
    setSectionEdit({ id: null, title: '', index });
  };

  const edit = (row: Row | null) => {
    if (!row) return;
    if (row.kind === 'measure') setTarget({ mode: 'edit', measure: row.measure, sectionId: row.sectionId });
    else {
      sectionForm.setFieldsValue({ title: row.section.title ?? '' });
      setSectionEdit({ id: row.section.id, title: row.section.title ?? '', version: row.section.version });
    }
  };

  const remove = (row: Row | null) => {
    if (!row) return;
    if (row.kind === 'measure')
      modal.confirm({
        title: `Удалить мероприятие ${row.measure.number}?`,
        content: row.measure.name.slice(0, 300),
        okText: 'Удалить',
        okButtonProps: { danger: true },
        cancelText: 'Отмена',
        onOk: () => run(() => call('plan.deleteMeasures', { ids: [row.measure.id] }), 'Мероприятие удалено (Ctrl+Z — отменить)'),
      });
    else
      modal.confirm({
        title: `Удалить раздел «${row.section.title}»?`,
        content: row.section.measures.length
          ? `Вместе с разделом будут удалены его мероприятия: ${row.section.measures.length}.`
          : 'Раздел пуст.',
        okText: 'Удалить',
        okButtonProps: { danger: true },
        cancelText: 'Отмена',
        onOk: () => run(() => call('plan.deleteSection', { id: row.section.id! }), 'Раздел удалён (Ctrl+Z — отменить)'),
      });
  };

  /** Moves the selected row one step; a measure crosses into the neighbouring section at its edge. */
  const move = (row: Row | null, delta: -1 | 1) => {
    if (!row) return;
    if (!planOrder) return void message.info(NOT_PLAN_ORDER);
    if (row.kind === 'section') {
      const index = row.index + delta;
      if (index < 0 || index >= realSections.length) return;
      return void run(() => call('plan.moveSection', { id: row.section.id!, index }));
    }
    const groups = sections.map((s) => s.id);
    const g = groups.indexOf(row.sectionId);
    const size = sections[g]!.measures.length;
    const index = row.index + delta;
    if (index >= 0 && index < size)
      return void run(() => call('plan.moveMeasure', { id: row.measure.id, sectionId: row.sectionId, index }));
    const next = sections[g + delta];
    if (!next) return;
    void run(() => call('plan.moveMeasure', { id: row.measure.id, sectionId: next.id, index: delta < 0 ? next.measures.length : 0 }));
  };

  const saveSection = async (): Promise<boolean> => {
    const v = await sectionForm.validateFields().catch(() => null);
    const s = sectionEdit;
    if (!v || !s) return false;
    if (s.id) {
      const id = s.id;
      const title = v.title;
      const saved = await saveVersioned((expectedVersion) => call('plan.updateSection', { id, title, expectedVersion }), s.version ?? 0, {
        // «Обновить»: the section's title and version as saved last.
        onReload: async () => {
          const fresh = (await call('plan.get', { roadmapId: roadmap.id })).sections.find((x) => x.id === id);
          if (!fresh) return setSectionEdit(null);
          sectionForm.setFieldsValue({ title: fresh.title ?? '' });
          setSectionEdit({ id, title: fresh.title ?? '', version: fresh.version });
        },
        compare: async () => {
          const saved = (await call('plan.get', { roadmapId: roadmap.id })).sections.find((x) => x.id === id);
          return saved ? differing([['Название раздела', saved.title, title]]) : [];
        },
      });
      await reload();
      if (!saved) return false;
      sectionGuard.markClean();
      setSectionEdit(null);
      return true;
    }
    const ok = await run(() => call('plan.addSection', { roadmapId: roadmap.id, title: v.title, index: s.index }));
    if (ok) {
      sectionGuard.markClean();
      setSectionEdit(null);
    }
    return Boolean(ok);
  };
  const sectionGuard = useUnsavedGuard({ form: sectionForm, active: sectionEdit !== null, openedWith: sectionEdit, save: saveSection });

  const undoLast = () =>
    run(async () => {
      const { undone } = await call('plan.undo', { roadmapId: roadmap.id });
      return undone;
    }, 'Отменено');

  const redoNext = () =>
    run(async () => {
      const { redone } = await call('plan.redo', { roadmapId: roadmap.id });
      return redone;
    }, 'Возвращено');

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isTyping(e) || target || sectionEdit) return;
    const i = rows.findIndex((r) => r.key === selected);
    // By the physical key too (e.code), so that the Russian layout and Shift do not matter.
    const ctrl = e.ctrlKey || e.metaKey;
    const isZ = e.code === 'KeyZ' || e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'я';
    const isY = e.code === 'KeyY' || e.key.toLowerCase() === 'y' || e.key.toLowerCase() === 'н';
    if (ctrl && (isY || (isZ && e.shiftKey))) {
      e.preventDefault();
      if (undo.redoSteps > 0) void redoNext();
    } else if (ctrl && isZ) {
      e.preventDefault();
      if (undo.steps > 0) void undoLast();
    } else if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      move(selectedRow, -1);
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      move(selectedRow, 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const key = rows[e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i - 1)]?.key ?? null;
      select(key);
      if (key) virtual.scrollToKey(key, 'nearest');
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      edit(selectedRow);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      remove(selectedRow);
    } else if (e.key === 'Insert') {
      e.preventDefault();
      if (e.shiftKey) addSection();
      else addMeasure();
    }
  };

  /** Dropping onto a measure puts the dragged one in its place; onto a section, at that section's top. */
  const drop = (onto: Row) => {
    const from = allRows.find((r) => r.key === dragKey.current);
    dragKey.current = null;
    setDropKey(null);
    if (!from || from.key === onto.key) return;
    if (from.kind === 'section') {
      const index = onto.kind === 'section' ? onto.index : realSections.findIndex((s) => s.id === onto.sectionId);
      if (index >= 0) void run(() => call('plan.moveSection', { id: from.section.id!, index }));
      return;
    }
    if (onto.kind === 'section') void run(() => call('plan.moveMeasure', { id: from.measure.id, sectionId: onto.section.id, index: 0 }));
    else void run(() => call('plan.moveMeasure', { id: from.measure.id, sectionId: onto.sectionId, index: onto.index }));
  };

  const c = roadmap.captions;
  // The table's own left border takes a pixel of the box, its body's scrollbar some more.
  const available = Math.max(0, geometry.width - 1 - geometry.scrollbar);
  const widths = effectiveWidths(available, ownWidths);
  // Every row's exact height, measured once per text and widths (plan/row-heights.ts).
  const [measurer] = useState(rowMeasurer);
  const heights = useMemo(() => {
    if (geometry.width === 0) return [];
    return measurer.heights(rows.map(rowText), widths, geometry.cellStyle);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rows, geometry.cellStyle, geometry.width, JSON.stringify(widths)]);
  const virtual = useVirtualRows(wrapRef, rows, heights, geometry.bodyHeight);
  const scrollToKeyRef = useRef(virtual.scrollToKey);
  scrollToKeyRef.current = virtual.scrollToKey;

  const sectionSpan = (r: Row) => (r.kind === 'section' ? { colSpan: 0 } : {});
  const header = (key: ColumnKey) => ({
    onHeaderCell: () =>
      ({
        width: widths[key],
        'data-column': key,
        onResize: (w: number) => setOwnWidths({ ...ownWidths, [key]: w }, false),
        onResizeEnd: (w: number) => setOwnWidths({ ...ownWidths, [key]: w }, true),
      }) as ResizableProps,
  });
  const columns: ColumnsType<Row> = [
    {
      title: c.number,
      key: 'number',
      width: widths.number,
      ...header('number'),
      onCell: (r) => (r.kind === 'section' ? { colSpan: COLUMNS.length } : {}),
      render: (_, r) =>
        r.kind === 'section' ? (
          <Typography.Text strong data-testid="section-row">
            {r.section.number ? `${r.section.number}. ` : ''}
            {r.section.title}
          </Typography.Text>
        ) : (
          <span data-testid="measure-number">{r.measure.number}</span>
        ),
    },
    {
      title: c.name,
      key: 'name',
      width: widths.name,
      ...header('name'),
      onCell: sectionSpan,
      render: (_, r) =>
        r.kind === 'measure' ? (
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="measure-name">
            {r.measure.name}
          </span>
        ) : null,
    },
    {
      title: c.term,
      key: 'term',
      width: widths.term,
      ...header('term'),
      onCell: sectionSpan,
      render: (_, r) => (r.kind === 'measure' ? <TermCell term={r.measure.term} parsed={r.measure.parsed} /> : null),
    },
    {
      title: c.executors,
      key: 'executors',
      width: widths.executors,
      ...header('executors'),
      onCell: sectionSpan,
      render: (_, r) =>
        r.kind === 'measure' ? (
          <span style={{ whiteSpace: 'pre-wrap' }} data-testid="measure-executors">
            {r.measure.executors}
          </span>
        ) : null,
    },
    {
      title: c.result,
      key: 'result',
      width: widths.result,
      ...header('result'),
      onCell: sectionSpan,
      render: (_, r) => (r.kind === 'measure' ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.measure.result}</span> : null),
    },
  ];
  const movable = Boolean(selectedRow) && planOrder;
  const moveTip = (text: string) => (planOrder ? text : NOT_PLAN_ORDER);

  return (
    <div onKeyDown={onKeyDown} tabIndex={0} data-testid="plan" style={{ outline: 'none' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px 4px', marginBottom: 6 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={addMeasure}>
          Мероприятие
        </Button>
        <Button icon={<PlusOutlined />} onClick={addSection}>
          Раздел
        </Button>
        <Tooltip title="Изменить (Enter)">
          <Button icon={<EditOutlined />} disabled={!selectedRow} onClick={() => edit(selectedRow)} aria-label="Изменить" />
        </Tooltip>
        <Tooltip title={moveTip('Выше (Alt+↑)')}>
          <Button icon={<ArrowUpOutlined />} disabled={!movable} onClick={() => move(selectedRow, -1)} aria-label="Выше" />
        </Tooltip>
        <Tooltip title={moveTip('Ниже (Alt+↓)')}>
          <Button icon={<ArrowDownOutlined />} disabled={!movable} onClick={() => move(selectedRow, 1)} aria-label="Ниже" />
        </Tooltip>
        <Tooltip title="Удалить (Delete)">
          <Button icon={<DeleteOutlined />} danger disabled={!selectedRow} onClick={() => remove(selectedRow)} aria-label="Удалить" />
        </Tooltip>
        <Tooltip title={undo.last ? `Отменить: ${undo.last} (Ctrl+Z)` : 'Отменять нечего'}>
          <Button icon={<UndoOutlined />} disabled={undo.steps === 0} onClick={() => void undoLast()} aria-label="Отменить" />
        </Tooltip>
        <Tooltip title={undo.next ? `Вернуть: ${undo.next} (Ctrl+Y)` : 'Возвращать нечего'}>
          <Button icon={<RedoOutlined />} disabled={undo.redoSteps === 0} onClick={() => void redoNext()} aria-label="Вернуть" />
        </Tooltip>
        <SortSelect sort={sort} onChange={setSort} />
        <Badge count={filterCount(filter)} size="small">
          <Button
            icon={<FilterOutlined />}
            type={filterOpen ? 'default' : 'text'}
            onClick={() => setFilterOpen((o) => !o)}
            aria-expanded={filterOpen}
          >
            Фильтр
          </Button>
        </Badge>
        {!planOrder ? (
          <FilterState shown={shownCount} total={measureCount} filtered={filtered} onReset={resetView} />
        ) : (
          // The count takes what is left of the line (cut short on a narrow screen rather than wrapping);
          // the keys in a plain title, since a tooltip popping up here would cover the filter under it.
          <Typography.Text
            type="secondary"
            title="Insert — добавить, Shift+Insert — раздел, Enter — изменить, Delete — удалить, Alt+↑/↓ или перетаскивание — переместить, Ctrl+Z / Ctrl+Y — отменить и вернуть. Ширину столбца меняют, потянув край заголовка."
            style={{
              cursor: 'help',
              flex: '1 1 0',
              minWidth: 0,
              whiteSpace: 'nowrap',
              overflow: 'hidden',
              textOverflow: 'ellipsis',
              marginLeft: 4,
            }}
          >
            Мероприятий: {measureCount}
          </Typography.Text>
        )}
        {Object.keys(ownWidths).length > 0 && (
          <Tooltip title="Вернуть столбцам ширину по размеру окна">
            <Button type="link" size="small" onClick={() => setOwnWidths({}, true)}>
              Ширина по окну
            </Button>
          </Tooltip>
        )}
      </div>
      {filterOpen && <PlanFilterBar filter={filter} onChange={setFilter} sections={realSections} schools={schools} quarter={quarter} />}
      <div ref={wrapRef} data-testid="plan-table">
        {geometry.width > 0 && (
          <SpacersProvider value={{ ...virtual.spacers, columns: COLUMNS.length }}>
            <Table<Row>
              rowKey="key"
              size="small"
              bordered
              components={{ header: { cell: ResizableTitle }, body: { wrapper: SpacedBody } }}
              scroll={{ x: total(widths), y: geometry.bodyHeight }}
              pagination={false}
              dataSource={virtual.shown}
              columns={columns}
              locale={{
                emptyText: filtered
                  ? 'Под фильтр не подходит ни одно мероприятие.'
                  : 'План пуст. Добавьте раздел или мероприятие (Insert).',
              }}
              rowClassName={(r) =>
                [
                  r.key === selected ? 'plan-row-selected' : '',
                  r.key === highlight ? 'plan-row-highlight' : '',
                  r.key === dropKey ? 'plan-row-drop' : '',
                  r.kind === 'section' ? 'plan-row-section' : '',
                ].join(' ')
              }
              onRow={(r) =>
                ({
                  onClick: () => select(r.key),
                  onDoubleClick: () => edit(r),
                  // Dragging rearranges the plan: only where the rows stand in the plan's order.
                  draggable: planOrder,
                  onDragStart: (e) => {
                    dragKey.current = r.key;
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', r.key);
                  },
                  onDragOver: (e) => {
                    if (!planOrder) return;
                    e.preventDefault();
                    if (dropKey !== r.key) setDropKey(r.key);
                  },
                  onDragLeave: () => setDropKey((k) => (k === r.key ? null : k)),
                  onDrop: (e) => {
                    e.preventDefault();
                    if (planOrder) drop(r);
                  },
                  'data-row-key': r.key,
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
          </SpacersProvider>
        )}
      </div>
      <style>{`
        .plan-row-selected > td, .plan-row-selected .ant-table-cell { background: #e6f4ff !important; }
        .plan-row-section .ant-table-cell { background: #fafafa; }
        .plan-row-drop .ant-table-cell { box-shadow: inset 0 2px 0 #1677ff; }
        .plan-row-highlight > td, .plan-row-highlight .ant-table-cell { animation: plan-row-flash 2.5s ease-out; box-shadow: inset 0 2px 0 #fa8c16, inset 0 -2px 0 #fa8c16; }
        @keyframes plan-row-flash { from { background: #ffd591; } to { background: #e6f4ff; } }
        .plan-col-handle { position: absolute; top: 0; right: -5px; width: 10px; height: 100%; cursor: col-resize; z-index: 2; touch-action: none; }
      `}</style>
      <MeasureDrawer
        target={target}
        roadmap={roadmap}
        sections={sections}
        dir={dir}
        onClose={() => setTarget(null)}
        onSaved={async (id) => {
          setTarget(null);
          await reload();
          select(`m${id}`);
        }}
      />
      <Modal
        open={sectionEdit !== null}
        title={sectionEdit?.id ? 'Изменить раздел' : 'Новый раздел'}
        okText="Сохранить"
        cancelText="Отмена"
        destroyOnHidden
        onCancel={() => void sectionGuard.close(() => setSectionEdit(null))}
        onOk={() => void saveSection()}
      >
        <Form form={sectionForm} name="section" layout="vertical">
          <Form.Item
            name="title"
            label="Название раздела"
            rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите название раздела' }]}
          >
            <Input autoFocus {...limited(LIMITS.medium)} placeholder="Организационно-управленческие мероприятия" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

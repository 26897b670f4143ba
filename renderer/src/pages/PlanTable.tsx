/**
 * The plan of a roadmap as one table, edited as in Word but better: sections as full-width rows,
 * measures under them; add, edit, delete, move by keyboard (Alt+↑/↓) or by dragging rows; the
 * numbering is redone by the database after every change; Ctrl+Z undoes the last changes and
 * Ctrl+Y (or Ctrl+Shift+Z) brings back what undo took back.
 * The table is virtualised so that 500 measures scroll smoothly.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { call, type ApiOutput } from '../api';
import type { Directory } from '../directory';
import { useAction } from '../hooks';
import { differing, useVersionedSave } from '../stale';
import { useUnsavedGuard } from '../unsaved';
import { MeasureDrawer, type MeasureTarget } from './MeasureDrawer';
import { TermCell } from './TermHint';
import { LIMITS, limitRule, limited } from '../limits';

type PlanData = ApiOutput<'plan.get'>;
type Section = PlanData['sections'][number];
type Measure = Section['measures'][number];

type Row =
  | { key: string; kind: 'section'; section: Section; index: number }
  | { key: string; kind: 'measure'; measure: Measure; sectionId: number | null; index: number };

const COLUMN_COUNT = 5;

function flatten(sections: Section[]): Row[] {
  const rows: Row[] = [];
  let sectionIndex = 0;
  for (const s of sections) {
    if (s.id !== null) rows.push({ key: `s${s.id}`, kind: 'section', section: s, index: sectionIndex++ });
    s.measures.forEach((m, i) => rows.push({ key: `m${m.id}`, kind: 'measure', measure: m, sectionId: s.id, index: i }));
  }
  return rows;
}

const isTyping = (e: KeyboardEvent) => {
  const t = e.target as HTMLElement;
  return t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable;
};

export function PlanTable({ data, dir, reload, openMeasureId }: { data: PlanData; dir: Directory; reload: () => Promise<void>; openMeasureId: number | null }) {
  const { modal } = App.useApp();
  const act = useAction();
  const saveVersioned = useVersionedSave();
  const { roadmap, sections, undo } = data;
  const rows = useMemo(() => flatten(sections), [sections]);
  const [selected, setSelected] = useState<string | null>(null);
  const [target, setTarget] = useState<MeasureTarget | null>(null);
  const [sectionEdit, setSectionEdit] = useState<{ id: number | null; title: string; index?: number; version?: number } | null>(null);
  const dragKey = useRef<string | null>(null);
  const [dropKey, setDropKey] = useState<string | null>(null);
  const [sectionForm] = Form.useForm<{ title: string }>();
  const realSections = sections.filter((s): s is Section & { id: number } => s.id !== null);

  const selectedRow = rows.find((r) => r.key === selected) ?? null;

  // Opened from «Сроки» or search with a measure in the address: select it and open its form, once.
  const opened = useRef<number | null>(null);
  useEffect(() => {
    if (!openMeasureId || opened.current === openMeasureId) return;
    const row = rows.find((r) => r.key === `m${openMeasureId}`);
    if (!row || row.kind !== 'measure') return;
    opened.current = openMeasureId;
    setSelected(row.key);
    setTarget({ mode: 'edit', measure: row.measure, sectionId: row.sectionId });
  }, [openMeasureId, rows]);
  const run = useCallback(async (action: () => Promise<unknown>, success?: string) => {
    const ok = await act(action, success);
    await reload();
    return ok;
  }, [act, reload]);

  // Where a new measure goes: after the selected one, or at the end of the selected section, or at the very end.
  const addMeasure = () => {
    if (selectedRow?.kind === 'measure') return setTarget({ mode: 'new', sectionId: selectedRow.sectionId, index: selectedRow.index + 1 });
    if (selectedRow?.kind === 'section') return setTarget({ mode: 'new', sectionId: selectedRow.section.id, index: selectedRow.section.measures.length });
    const last = sections.at(-1);
    setTarget({ mode: 'new', sectionId: last?.id ?? null, index: last?.measures.length ?? 0 });
  };

  const addSection = () => {
    const index = selectedRow?.kind === 'section' ? selectedRow.index + 1 : selectedRow?.kind === 'measure' && selectedRow.sectionId !== null ? realSections.findIndex((s) => s.id === selectedRow.sectionId) + 1 : realSections.length;
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
        content: row.section.measures.length ? `Вместе с разделом будут удалены его мероприятия: ${row.section.measures.length}.` : 'Раздел пуст.',
        okText: 'Удалить',
        okButtonProps: { danger: true },
        cancelText: 'Отмена',
        onOk: () => run(() => call('plan.deleteSection', { id: row.section.id! }), 'Раздел удалён (Ctrl+Z — отменить)'),
      });
  };

  /** Moves the selected row one step; a measure crosses into the neighbouring section at its edge. */
  const move = (row: Row | null, delta: -1 | 1) => {
    if (!row) return;
    if (row.kind === 'section') {
      const index = row.index + delta;
      if (index < 0 || index >= realSections.length) return;
      return void run(() => call('plan.moveSection', { id: row.section.id!, index }));
    }
    const groups = sections.map((s) => s.id);
    const g = groups.indexOf(row.sectionId);
    const size = sections[g]!.measures.length;
    const index = row.index + delta;
    if (index >= 0 && index < size) return void run(() => call('plan.moveMeasure', { id: row.measure.id, sectionId: row.sectionId, index }));
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

  const undoLast = () => run(async () => {
    const { undone } = await call('plan.undo', { roadmapId: roadmap.id });
    return undone;
  }, 'Отменено');

  const redoNext = () => run(async () => {
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
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected(rows[Math.min(rows.length - 1, i + 1)]?.key ?? null);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected(rows[Math.max(0, i - 1)]?.key ?? null);
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
    const from = rows.find((r) => r.key === dragKey.current);
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
  const sectionSpan = (r: Row) => (r.kind === 'section' ? { colSpan: 0 } : {});
  const columns: ColumnsType<Row> = [
    {
      title: c.number,
      width: 70,
      onCell: (r) => (r.kind === 'section' ? { colSpan: COLUMN_COUNT } : {}),
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
    { title: c.name, width: 420, onCell: sectionSpan, render: (_, r) => (r.kind === 'measure' ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid="measure-name">{r.measure.name}</span> : null) },
    {
      title: c.term,
      width: 170,
      onCell: sectionSpan,
      render: (_, r) => (r.kind === 'measure' ? <TermCell term={r.measure.term} parsed={r.measure.parsed} /> : null),
    },
    { title: c.executors, width: 220, onCell: sectionSpan, render: (_, r) => (r.kind === 'measure' ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.measure.executors}</span> : null) },
    { title: c.result, width: 300, onCell: sectionSpan, render: (_, r) => (r.kind === 'measure' ? <span style={{ whiteSpace: 'pre-wrap' }}>{r.measure.result}</span> : null) },
  ];

  return (
    <div onKeyDown={onKeyDown} tabIndex={0} data-testid="plan" style={{ outline: 'none' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={addMeasure}>
          Мероприятие
        </Button>
        <Button icon={<PlusOutlined />} onClick={addSection}>
          Раздел
        </Button>
        <Tooltip title="Изменить (Enter)">
          <Button icon={<EditOutlined />} disabled={!selectedRow} onClick={() => edit(selectedRow)} aria-label="Изменить" />
        </Tooltip>
        <Tooltip title="Выше (Alt+↑)">
          <Button icon={<ArrowUpOutlined />} disabled={!selectedRow} onClick={() => move(selectedRow, -1)} aria-label="Выше" />
        </Tooltip>
        <Tooltip title="Ниже (Alt+↓)">
          <Button icon={<ArrowDownOutlined />} disabled={!selectedRow} onClick={() => move(selectedRow, 1)} aria-label="Ниже" />
        </Tooltip>
        <Tooltip title="Удалить (Delete)">
          <Button icon={<DeleteOutlined />} danger disabled={!selectedRow} onClick={() => remove(selectedRow)} aria-label="Удалить" />
        </Tooltip>
        <Tooltip title={undo.last ? `Отменить: ${undo.last} (Ctrl+Z)` : 'Отменять нечего'}>
          <Button icon={<UndoOutlined />} disabled={undo.steps === 0} onClick={() => void undoLast()}>
            Отменить
          </Button>
        </Tooltip>
        <Tooltip title={undo.next ? `Вернуть: ${undo.next} (Ctrl+Y)` : 'Возвращать нечего'}>
          <Button icon={<RedoOutlined />} disabled={undo.redoSteps === 0} onClick={() => void redoNext()}>
            Вернуть
          </Button>
        </Tooltip>
        <Typography.Text type="secondary">
          Мероприятий: {rows.filter((r) => r.kind === 'measure').length}. Insert — добавить, Enter — изменить, Alt+↑/↓ или перетаскивание — переместить.
        </Typography.Text>
      </Space>
      <Table<Row>
        rowKey="key"
        size="small"
        bordered
        virtual
        scroll={{ x: 1190, y: Math.max(300, window.innerHeight - 300) }}
        pagination={false}
        dataSource={rows}
        columns={columns}
        locale={{ emptyText: 'План пуст. Добавьте раздел или мероприятие (Insert).' }}
        rowClassName={(r) => [r.key === selected ? 'plan-row-selected' : '', r.key === dropKey ? 'plan-row-drop' : '', r.kind === 'section' ? 'plan-row-section' : ''].join(' ')}
        onRow={(r) => ({
          onClick: () => setSelected(r.key),
          onDoubleClick: () => edit(r),
          draggable: true,
          onDragStart: (e) => {
            dragKey.current = r.key;
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData('text/plain', r.key);
          },
          onDragOver: (e) => {
            e.preventDefault();
            if (dropKey !== r.key) setDropKey(r.key);
          },
          onDragLeave: () => setDropKey((k) => (k === r.key ? null : k)),
          onDrop: (e) => {
            e.preventDefault();
            drop(r);
          },
          'data-row-key': r.key,
        } as React.HTMLAttributes<HTMLElement>)}
      />
      <style>{`
        .plan-row-selected > td, .plan-row-selected .ant-table-cell { background: #e6f4ff !important; }
        .plan-row-section .ant-table-cell { background: #fafafa; }
        .plan-row-drop .ant-table-cell { border-top: 2px solid #1677ff !important; }
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
          setSelected(`m${id}`);
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
          <Form.Item name="title" label="Название раздела" rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите название раздела' }]}>
            <Input autoFocus {...limited(LIMITS.medium)} placeholder="Организационно-управленческие мероприятия" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}

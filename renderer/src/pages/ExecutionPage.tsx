/**
 * Execution: for each measure and each quarter of the roadmap's period, a status, the result and evidence.
 * The grid shows every quarter of the period (scrolled sideways) or those of one year / one quarter number.
 */
import { Empty, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { call } from '../api';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { ExecutionGrid, type GridRow } from './ExecutionGrid';
import { ProgressChart, progressSeries } from '../charts/ProgressChart';
import { quarterLabel, STATUS_OPTIONS, type Status } from './labels';
import { LIMITS, limitRule, limited } from '../limits';

/** The progress chart above the grid: short, so that the grid keeps most of a 768-pixel screen. */
const PROGRESS_HEIGHT = 150;

interface Editing {
  row: GridRow;
  quarter: string;
}
interface ExecutionForm {
  status: Status;
  result: string;
  evidence: string;
  note: string;
}

export function ExecutionPage({ roadmapId }: { roadmapId: number | null }) {
  const roadmaps = useLoad(() => call('roadmaps.list'), []);
  const grid = useLoad(() => (roadmapId ? call('execution.grid', { roadmapId }) : Promise.resolve(null)), [roadmapId]);
  const progress = useLoad(() => (roadmapId ? call('progress.byQuarter', { roadmapId }) : Promise.resolve(null)), [roadmapId]);
  const act = useAction();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [year, setYear] = useState<string>('all');
  const [quarterNo, setQuarterNo] = useState<'all' | '1' | '2' | '3' | '4'>('all');
  const [form] = Form.useForm<ExecutionForm>();

  const open = (row: GridRow, quarter: string) => {
    const cell = row.cells[quarter];
    form.setFieldsValue({
      status: cell?.status ?? 'not_started',
      result: cell?.result ?? '',
      evidence: cell?.evidence ?? '',
      note: cell?.note ?? '',
    });
    setEditing({ row, quarter });
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is wrong; no page error
    const ok = await act(() => call('execution.set', { measureId: editing!.row.measureId, quarter: editing!.quarter, ...v }), 'Сохранено');
    if (ok) {
      setEditing(null);
      void grid.reload();
      void progress.reload();
    }
  };

  const quarters = grid.data?.quarters ?? [];
  const years = [...new Set(quarters.map((q) => q.slice(0, 4)))];
  // A filter left from another roadmap (a year outside this period) shows everything rather than nothing.
  const yearShown = year !== 'all' && years.includes(year) ? year : 'all';
  const shownQuarters = quarters.filter(
    (q) => (yearShown === 'all' || q.startsWith(yearShown)) && (quarterNo === 'all' || q.endsWith(`Q${quarterNo}`)),
  );

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Исполнение
        </Typography.Title>
        <Select
          style={{ width: 520 }}
          placeholder="Выберите дорожную карту"
          value={roadmapId ?? undefined}
          onChange={(id: number) => go('execution', id)}
          options={(roadmaps.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
        />
        {roadmapId && (
          <>
            <Select
              aria-label="Год"
              style={{ width: 130 }}
              value={yearShown}
              onChange={setYear}
              options={[{ value: 'all', label: 'Все годы' }, ...years.map((y) => ({ value: y, label: `${y} год` }))]}
              data-testid="grid-year"
            />
            <Select
              aria-label="Квартал"
              style={{ width: 140 }}
              value={quarterNo}
              onChange={setQuarterNo}
              options={[
                { value: 'all', label: 'Все кварталы' },
                ...(['1', '2', '3', '4'] as const).map((n) => ({ value: n, label: `${['I', 'II', 'III', 'IV'][Number(n) - 1]} квартал` })),
              ]}
              data-testid="grid-quarter-filter"
            />
          </>
        )}
      </Space>
      {!roadmapId ? (
        <Empty description="Выберите дорожную карту, чтобы отметить исполнение по кварталам" />
      ) : (
        <>
          {/* A fixed height from the start: the grid below fits its own height to where it begins. */}
          <div style={{ height: PROGRESS_HEIGHT + 26, marginBottom: 8 }} data-testid="execution-progress">
            <Typography.Text strong>Ход выполнения по кварталам</Typography.Text>{' '}
            <Typography.Text type="secondary">— доля выполненных из мероприятий со сроком в квартале</Typography.Text>
            {progress.data && <ProgressChart series={progressSeries(progress.data)} height={PROGRESS_HEIGHT} />}
          </div>
          {grid.data && <ExecutionGrid grid={grid.data} quarters={shownQuarters} onOpen={open} />}
        </>
      )}
      <Modal
        open={editing !== null}
        width={640}
        title={editing ? `${editing.row.number} — ${quarterLabel(editing.quarter)}` : ''}
        okText="Сохранить"
        cancelText="Отмена"
        onOk={save}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && <Typography.Paragraph type="secondary">{editing.row.name}</Typography.Paragraph>}
        <Form form={form} layout="vertical">
          <Form.Item name="status" label="Отметка о выполнении">
            <Select options={STATUS_OPTIONS} />
          </Form.Item>
          <Form.Item name="result" label="Достигнутый результат" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} {...limited(LIMITS.long)} />
          </Form.Item>
          <Form.Item name="evidence" label="Подтверждающие документы (названия, ссылки, пути к файлам)" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} {...limited(LIMITS.long)} />
          </Form.Item>
          <Form.Item name="note" label="Примечание / причины невыполнения" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} {...limited(LIMITS.long)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

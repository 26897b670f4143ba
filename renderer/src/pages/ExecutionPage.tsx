/** Execution: for each measure and each quarter of the roadmap's period, a status, the result and evidence. */
import { Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { TermCell } from './TermHint';
import { quarterLabel, STATUS_COLORS, STATUS_LABELS, STATUS_OPTIONS, type Status } from './labels';
import { LIMITS, limitRule, limited } from '../limits';

type Grid = ApiOutput<'execution.grid'>;
type GridRow = Grid['rows'][number];
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
  const act = useAction();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [form] = Form.useForm<ExecutionForm>();

  const open = (row: GridRow, quarter: string) => {
    const cell = row.cells[quarter];
    form.setFieldsValue({ status: cell?.status ?? 'not_started', result: cell?.result ?? '', evidence: cell?.evidence ?? '', note: cell?.note ?? '' });
    setEditing({ row, quarter });
  };
  const save = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return; // the form shows what is wrong; no page error
    const ok = await act(() => call('execution.set', { measureId: editing!.row.measureId, quarter: editing!.quarter, ...v }), 'Сохранено');
    if (ok) {
      setEditing(null);
      void grid.reload();
    }
  };

  const columns: ColumnsType<GridRow> = [
    { title: '№', dataIndex: 'number', width: 60, fixed: 'left' },
    { title: 'Мероприятие', dataIndex: 'name', width: 360, fixed: 'left', render: (t: string) => <Typography.Paragraph ellipsis={{ rows: 3, tooltip: t }} style={{ margin: 0 }}>{t}</Typography.Paragraph> },
    { title: 'Срок', width: 160, render: (_, r) => <TermCell term={r.term} parsed={{ kind: r.dueQuarters.length || r.understood !== 'срок не распознан' ? 'range' : 'unparsed', understood: r.understood }} /> },
    ...(grid.data?.quarters ?? []).map((q) => ({
      title: quarterLabel(q),
      key: q,
      width: 170,
      // Quarters in which the measure has a due date (from its term) are tinted: that is what execution is asked about.
      onCell: (r: GridRow) => ({ onClick: () => open(r, q), style: { cursor: 'pointer', background: r.dueQuarters.includes(q) ? '#fffbe6' : undefined }, 'data-due': r.dueQuarters.includes(q) ? 'yes' : 'no' }) as React.HTMLAttributes<HTMLElement>,
      render: (_: unknown, r: GridRow) => {
        const cell = r.cells[q];
        return cell ? (
          <div>
            <Tag color={STATUS_COLORS[cell.status]} style={{ whiteSpace: "normal" }}>{STATUS_LABELS[cell.status]}</Tag>
            {cell.result && <div style={{ fontSize: 12, color: '#555' }}>{cell.result.slice(0, 80)}</div>}
          </div>
        ) : r.dueQuarters.includes(q) ? (
          <span style={{ color: '#ad8b00', fontSize: 12 }}>срок в этом квартале</span>
        ) : (
          <span style={{ color: '#bbb' }}>—</span>
        );
      },
    })),
  ];

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Исполнение
        </Typography.Title>
        <Select
          style={{ width: 600 }}
          placeholder="Выберите дорожную карту"
          value={roadmapId ?? undefined}
          onChange={(id: number) => go('execution', id)}
          options={(roadmaps.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
        />
      </Space>
      {!roadmapId ? (
        <Empty description="Выберите дорожную карту, чтобы отметить исполнение по кварталам" />
      ) : (
        <Table<GridRow>
          rowKey="measureId"
          size="small"
          bordered
          virtual
          loading={grid.loading}
          scroll={{ x: 560 + 170 * (grid.data?.quarters.length ?? 0), y: Math.max(300, window.innerHeight - 260) }}
          pagination={false}
          dataSource={grid.data?.rows ?? []}
          columns={columns}
        />
      )}
      <Modal open={editing !== null} width={640} title={editing ? `${editing.row.number} — ${quarterLabel(editing.quarter)}` : ''} okText="Сохранить" cancelText="Отмена" onOk={save} onCancel={() => setEditing(null)} destroyOnHidden>
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

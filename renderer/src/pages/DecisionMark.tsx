/**
 * A protocol decision executed like a measure: «Отметить исполнение» opens a small form (status,
 * date, result) on the protocol screen and in «Сроки»; the tag shows the decision's state by the
 * shared rule (done / overdue) as the API reports it.
 */
import { CheckOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Tag, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { DATE_FORMAT, formatDate, fromDayjs } from '../format';
import { useAction } from '../hooks';
import { LIMITS, limitRule, limited } from '../limits';
import { STATUS_COLORS, STATUS_LABELS, STATUS_OPTIONS, type Status } from './labels';
import { DateInput } from '../DateInput';

export type DecisionState = ApiOutput<'decisions.states'>[number];
type MarkForm = { status: Status; date: Dayjs; result: string };

export function DecisionMarkButton({
  decisionId,
  state,
  onMarked,
  size = 'small',
}: {
  decisionId: number;
  state?: DecisionState | undefined;
  onMarked: () => void;
  size?: 'small' | 'middle';
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<MarkForm>();
  const act = useAction();
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    const ok = await act(
      () => call('decisions.mark', { decisionId, status: v.status, result: v.result ?? '', date: fromDayjs(v.date) }),
      'Исполнение решения отмечено',
    );
    setBusy(false);
    if (!ok) return;
    setOpen(false);
    onMarked();
  };
  const mark = state?.mark;
  return (
    // In «Сроки» the button sits in a row that opens the protocol on click; React events bubble out of
    // the dialog's portal too, so every click here stays here.
    <span onClick={(e) => e.stopPropagation()}>
      {/* Short in the «Сроки» column (its width is counted for 1366 px), whole for screen readers and in the tooltip. */}
      <Tooltip title="Отметить исполнение">
        <Button
          size={size}
          icon={<CheckOutlined />}
          data-testid="decision-mark"
          aria-label="Отметить исполнение"
          onClick={() => setOpen(true)}
        >
          Отметить
        </Button>
      </Tooltip>
      <Modal
        open={open}
        title="Исполнение решения"
        okText="Сохранить"
        cancelText="Отмена"
        confirmLoading={busy}
        destroyOnHidden
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ status: mark?.status ?? 'done', date: mark?.doneOn ? dayjs(mark.doneOn) : dayjs(), result: mark?.result ?? '' }}
        >
          <Form.Item name="status" label="Отметка" rules={[{ required: true, message: 'Выберите отметку' }]}>
            <Select options={STATUS_OPTIONS} aria-label="Отметка" />
          </Form.Item>
          <Form.Item name="date" label="Дата исполнения" rules={[{ required: true, message: 'Укажите дату' }]}>
            <DateInput format={DATE_FORMAT} allowClear={false} aria-label="Дата исполнения" />
          </Form.Item>
          <Form.Item name="result" label="Результат" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 2 }} aria-label="Результат" {...limited(LIMITS.long)} />
          </Form.Item>
        </Form>
      </Modal>
    </span>
  );
}

/** «выполнено 07.04.2024» / «просрочено» / the last mark, beside a decision. */
export function DecisionStateTag({ state }: { state: DecisionState | undefined }) {
  if (!state) return null;
  const m = state.mark;
  if (state.overdue)
    return (
      <Tag color="error" data-testid="decision-state">
        просрочено{m ? ` (${STATUS_LABELS[m.status]})` : ''}
      </Tag>
    );
  if (!m) return null;
  return (
    <Tag color={STATUS_COLORS[m.status]} data-testid="decision-state" title={m.result || undefined} style={{ whiteSpace: 'normal' }}>
      {STATUS_LABELS[m.status]}
      {m.doneOn ? ` ${formatDate(m.doneOn)}` : ''}
    </Tag>
  );
}

/** Orders (приказы): number, date, title, signer, clauses, and the roadmaps they approve as appendices. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { DATE_FORMAT, formatDate, fromDayjs, toDayjs } from '../format';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { differing, useVersionedSave } from '../stale';
import { useUnsavedGuard } from '../unsaved';
import { DocumentButton } from './DocumentDialog';
import { LIMITS, limitRule, limited } from '../limits';
import { DateInput } from '../DateInput';

type Summary = ApiOutput<'orders.list'>[number];
type Order = ApiOutput<'orders.get'>;
type OrderForm = Omit<Order, 'id' | 'date' | 'updatedAt' | 'version' | 'appendices'> & {
  date: Dayjs;
  appendices: { roadmapId: number; appendixNumber: string }[];
};

const NEW = 0;

export function OrdersPage({ orderId, creating }: { orderId: number | null; creating: boolean }) {
  const list = useLoad(() => call('orders.list'), []);
  const roadmaps = useLoad(() => call('roadmaps.list'), []);
  const dir = useDirectory();
  const act = useAction();
  const { modal, message } = App.useApp();

  /**
   * «Предложить текст»: empty fields are filled at once; text the user typed is replaced only when they
   * say so — never silently, and never with a «done» that did nothing.
   */
  const suggest = async () => {
    const appendices = ((form.getFieldValue('appendices') ?? []) as { roadmapId?: number; appendixNumber?: string }[])
      .filter((a): a is { roadmapId: number; appendixNumber?: string } => typeof a?.roadmapId === 'number')
      .map((a) => ({ roadmapId: a.roadmapId, appendixNumber: a.appendixNumber ?? '' }));
    let s: { title: string; clauses: string; control: string } | null = null;
    await act(async () => {
      s = await call('orders.suggest', { appendices });
    });
    const text = s as { title: string; clauses: string; control: string } | null;
    if (!text) return;
    const cur = form.getFieldsValue(['title', 'clauses', 'control']) as { title?: string; clauses?: string; control?: string };
    const keys = ['title', 'clauses', 'control'] as const;
    const typed = keys.filter((k) => cur[k]?.trim());
    const empty = keys.filter((k) => !cur[k]?.trim());
    if (empty.length) form.setFieldsValue(Object.fromEntries(empty.map((k) => [k, text[k]])));
    if (!typed.length) return void message.success('Текст предложен: проверьте и поправьте');
    modal.confirm({
      title: 'Заменить уже написанный текст?',
      content: `${empty.length ? 'Пустые поля заполнены. ' : ''}В полях «${typed.map((k) => ({ title: 'Заголовок', clauses: 'Пункты', control: 'Контроль исполнения' })[k]).join('», «')}» уже есть ваш текст. Заменить его предложенным?`,
      okText: 'Заменить',
      cancelText: 'Оставить мой текст',
      onOk: () => {
        form.setFieldsValue(Object.fromEntries(typed.map((k) => [k, text[k]])));
        void message.success('Текст предложен: проверьте и поправьте');
      },
    });
  };
  const saveVersioned = useVersionedSave();
  const [form] = Form.useForm<OrderForm>();
  // «Новый приказ» only opens the form (#/orders/new): nothing is written before «Сохранить».
  const open = orderId !== null || creating;
  // The version the form was loaded at: a save made elsewhere since is not overwritten silently.
  const [version, setVersion] = useState(0);

  const load = useCallback(
    async (id: number) => {
      const o = await call('orders.get', { id });
      form.setFieldsValue({ ...o, date: toDayjs(o.date)! });
      setVersion(o.version);
      // What was loaded (at first, or by «Обновить» after a conflict) is the form's clean state.
      guard.markClean();
    },
    // `guard` is declared below (it needs `save`); markClean only snapshots the form, so a stale one does the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [form],
  );
  useEffect(() => {
    if (orderId) void load(orderId).catch(() => {});
    else form.resetFields();
  }, [orderId, form, load]);

  const save = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    const values = {
      ...v,
      date: fromDayjs(v.date),
      signerId: v.signerId ?? null,
      appendices: (v.appendices ?? []).map((a) => ({ roadmapId: a.roadmapId, appendixNumber: a.appendixNumber ?? '' })),
    };
    const ok = orderId
      ? await saveVersioned((expectedVersion) => call('orders.save', { id: orderId, values, expectedVersion }), version, {
          success: 'Приказ сохранён',
          onReload: () => load(orderId),
          compare: async () => {
            const saved = await call('orders.get', { id: orderId });
            const appendices = (list: { roadmapId: number; appendixNumber: string }[]) =>
              list
                .map(
                  (a) => `${a.appendixNumber || 'без номера'}: ${roadmaps.data?.find((r) => r.id === a.roadmapId)?.title ?? a.roadmapId}`,
                )
                .join('\n');
            return differing([
              ['Номер', saved.number, values.number],
              ['Дата', formatDate(saved.date), formatDate(values.date)],
              ['Заголовок', saved.title, values.title],
              ['Подписывает', dir.personName(saved.signerId), dir.personName(values.signerId)],
              ['Основание', saved.basis, values.basis],
              ['Пункты', saved.clauses, values.clauses],
              ['Контроль', saved.control, values.control],
              ['Приложения', appendices(saved.appendices), appendices(values.appendices)],
            ]);
          },
        })
      : await act(() => call('orders.save', { id: null, values }), 'Приказ сохранён');
    if (ok) {
      guard.markClean();
      go('orders');
      void list.reload();
    }
    return Boolean(ok);
  };
  // Closing the form is a change of address (go): the route asks about unsaved changes.
  const guard = useUnsavedGuard({ form, active: open, openedWith: orderId, save });

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Приказы
        </Typography.Title>
        <Button type="primary" onClick={() => go('orders', null, 'new')}>
          Новый приказ
        </Button>
      </Space>
      <Table<Summary>
        rowKey="id"
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: 'Приказов пока нет' }}
        onRow={(o) => ({ onClick: () => go('orders', o.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: '№', dataIndex: 'number', width: 120 },
          { title: 'Дата', width: 120, render: (_, o) => formatDate(o.date) },
          { title: 'Заголовок', dataIndex: 'title' },
          { title: 'Приложений', dataIndex: 'appendices', width: 120 },
        ]}
      />
      <Modal
        open={open}
        width={860}
        title={orderId ? 'Приказ' : 'Новый приказ'}
        okText="Сохранить"
        cancelText="Отмена"
        onOk={() => void save()}
        onCancel={() => go('orders')}
        destroyOnHidden={false}
        footer={(_, { OkBtn, CancelBtn }) => (
          <Space>
            {orderId !== null && orderId !== NEW && <DocumentButton request={{ kind: 'order', orderId }} />}
            {orderId !== null && orderId !== NEW && (
              <Popconfirm
                title="Удалить приказ?"
                description="Приказ попадёт в корзину: его можно будет восстановить вместе с приложениями."
                okText="Удалить"
                cancelText="Отмена"
                onConfirm={() =>
                  act(() => call('orders.delete', { id: orderId }), 'Приказ перемещён в корзину').then((ok) => {
                    if (ok) {
                      go('orders');
                      void list.reload();
                    }
                  })
                }
              >
                <Button danger>Удалить</Button>
              </Popconfirm>
            )}
            <CancelBtn />
            <OkBtn />
          </Space>
        )}
      >
        <Form form={form} layout="vertical" initialValues={{ appendices: [] }}>
          <Space wrap>
            <Form.Item
              name="number"
              label="Номер"
              rules={[limitRule(LIMITS.short), { required: true, whitespace: true, message: 'Укажите номер' }]}
            >
              <Input style={{ width: 140 }} {...limited(LIMITS.short)} placeholder="121-од" />
            </Form.Item>
            <Form.Item name="date" label="Дата" rules={[{ required: true, message: 'Укажите дату' }]}>
              <DateInput format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="signerId" label="Подписывает">
              <Select allowClear style={{ width: 380 }} showSearch={{ filterOption: selectFilter }} options={dir.personOptions} />
            </Form.Item>
          </Space>
          <Form.Item
            name="title"
            label="Заголовок"
            rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите заголовок' }]}
          >
            <Input.TextArea autoSize {...limited(LIMITS.medium)} placeholder="Об утверждении дорожной карты …" />
          </Form.Item>
          <Form.Item name="basis" label="Основание (преамбула)" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 2 }} {...limited(LIMITS.long)} />
          </Form.Item>
          <Button size="small" style={{ marginBottom: 8 }} onClick={() => void suggest()}>
            Предложить текст по дорожным картам, координатору и кураторам
          </Button>
          <Form.Item name="clauses" label="Пункты после «ПРИКАЗЫВАЮ:» (каждый с новой строки)" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 3 }} {...limited(LIMITS.long)} />
          </Form.Item>
          <Form.Item name="control" label="Контроль исполнения" rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize {...limited(LIMITS.long)} />
          </Form.Item>
          <Typography.Text strong>Утверждаемые дорожные карты (приложения)</Typography.Text>
          <Form.List name="appendices">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item name={[f.name, 'appendixNumber']} style={{ width: 140 }} rules={[limitRule(LIMITS.short)]}>
                      <Input addonBefore="Прил." {...limited(LIMITS.short)} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'roadmapId']} rules={[{ required: true, message: 'Выберите карту' }]} style={{ width: 580 }}>
                      <Select
                        showSearch={{ filterOption: selectFilter }}
                        options={(roadmaps.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
                      />
                    </Form.Item>
                    <Button danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label="Убрать приложение" />
                  </Space>
                ))}
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() => add({ appendixNumber: String(fields.length + 1) })}
                >
                  Приложение
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </>
  );
}

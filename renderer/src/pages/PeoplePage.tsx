/** People (люди): ФИО, position, organisation, phone and e-mail. */
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { useUnsavedGuard } from '../unsaved';
import { useAction } from '../hooks';
import { differing, useVersionedSave } from '../stale';
import { LIMITS, limitRule, limited } from '../limits';

type Person = ApiOutput<'people.list'>[number];
interface PersonForm {
  fullName: string;
  position: string;
  organizationId: number | null;
  phone: string;
  email: string;
}

export function PeoplePage() {
  const dir = useDirectory();
  const act = useAction();
  const saveVersioned = useVersionedSave();
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [form] = Form.useForm<PersonForm>();

  const open = (p: Person | 'new') => {
    setEditing(p);
    form.setFieldsValue(p === 'new' ? { fullName: '', position: '', organizationId: null, phone: '', email: '' } : p);
  };
  /** «Обновить» after a conflict: the person as saved last, with the new version. */
  const reopen = async (id: number) => {
    const fresh = (await call('people.list')).find((p) => p.id === id);
    void dir.reload();
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const save = async (): Promise<boolean> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return false;
    const ok =
      editing === 'new'
        ? await act(() => call('people.create', values), 'Сохранено')
        : await saveVersioned(
            (expectedVersion) => call('people.update', { id: (editing as Person).id, values, expectedVersion }),
            (editing as Person).version,
            {
              success: 'Сохранено',
              onReload: () => reopen((editing as Person).id),
              compare: async () => {
                const saved = (await call('people.list')).find((p) => p.id === (editing as Person).id);
                if (!saved) return [];
                return differing([
                  ['ФИО', saved.fullName, values.fullName],
                  ['Должность', saved.position, values.position],
                  ['Организация', dir.orgName(saved.organizationId), dir.orgName(values.organizationId)],
                  ['Телефон', saved.phone, values.phone],
                  ['Эл. почта', saved.email, values.email],
                ]);
              },
            },
          );
    if (ok) {
      guard.markClean();
      setEditing(null);
      void dir.reload();
    }
    return Boolean(ok);
  };
  const guard = useUnsavedGuard({ form, active: editing !== null, openedWith: editing, save });

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Люди
        </Typography.Title>
        <Button type="primary" onClick={() => open('new')}>
          Добавить человека
        </Button>
      </Space>
      <Table<Person>
        rowKey="id"
        size="small"
        dataSource={dir.people}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(p) => ({ onDoubleClick: () => open(p) })}
        columns={[
          { title: 'ФИО', dataIndex: 'fullName' },
          { title: 'Должность', dataIndex: 'position' },
          { title: 'Организация', render: (_, p) => dir.orgName(p.organizationId) },
          { title: 'Телефон', dataIndex: 'phone' },
          { title: 'Эл. почта', dataIndex: 'email' },
          {
            title: '',
            width: 200,
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => open(p)}>
                  Изменить
                </Button>
                <Popconfirm
                  title={`Удалить «${p.fullName}»?`}
                  description="Запись попадёт в корзину."
                  okText="Удалить"
                  cancelText="Отмена"
                  onConfirm={() => act(() => call('people.delete', { id: p.id }), 'Перемещено в корзину').then(() => dir.reload())}
                >
                  <Button size="small" danger>
                    Удалить
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Новый человек' : 'Изменить'}
        okText="Сохранить"
        cancelText="Отмена"
        onOk={() => void save()}
        onCancel={() => void guard.close(() => setEditing(null))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={() => void save()}>
          <Form.Item
            name="fullName"
            label="ФИО"
            rules={[limitRule(LIMITS.short), { required: true, whitespace: true, message: 'Укажите ФИО' }]}
          >
            <Input autoFocus {...limited(LIMITS.short)} placeholder="Иванова И.И." />
          </Form.Item>
          <Form.Item name="position" label="Должность" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} />
          </Form.Item>
          <Form.Item name="organizationId" label="Организация">
            <Select allowClear showSearch={{ filterOption: selectFilter }} options={dir.orgOptions} placeholder="Не указана" />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="phone" label="Телефон" style={{ width: '50%' }} rules={[limitRule(LIMITS.short)]}>
              <Input {...limited(LIMITS.short)} />
            </Form.Item>
            <Form.Item name="email" label="Эл. почта" style={{ width: '50%' }} rules={[limitRule(LIMITS.short)]}>
              <Input {...limited(LIMITS.short)} />
            </Form.Item>
          </Space.Compact>
        </Form>
      </Modal>
    </>
  );
}

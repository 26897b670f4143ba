/** The working group: its members and their roles. */
import { Button, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { useAction, useLoad } from '../hooks';
import { ROLE_OPTIONS } from './labels';

type Member = ApiOutput<'workingGroup.list'>[number];

export function WorkingGroupPage() {
  const members = useLoad(() => call('workingGroup.list'), []);
  const dir = useDirectory();
  const act = useAction();
  const [personId, setPersonId] = useState<number | null>(null);
  const [role, setRole] = useState<Member['role']>('member');
  const inGroup = new Set((members.data ?? []).map((m) => m.personId));
  return (
    <>
      <Typography.Title level={3}>Рабочая группа</Typography.Title>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          style={{ width: 360 }}
          placeholder="Человек"
          showSearch={{ filterOption: selectFilter }}
          value={personId}
          onChange={setPersonId}
          options={dir.personOptions.filter((o) => !inGroup.has(o.value))}
        />
        <Select style={{ width: 240 }} value={role} onChange={setRole} options={ROLE_OPTIONS} />
        <Button
          type="primary"
          disabled={!personId}
          onClick={() =>
            act(() => call('workingGroup.add', { personId: personId!, role }), 'Добавлен в рабочую группу').then((ok) => {
              if (ok) {
                setPersonId(null);
                void members.reload();
              }
            })
          }
        >
          Добавить в группу
        </Button>
      </Space>
      <Table<Member>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={members.data}
        locale={{ emptyText: 'В рабочей группе пока никого нет' }}
        columns={[
          { title: 'ФИО', dataIndex: 'fullName' },
          { title: 'Должность', dataIndex: 'position' },
          {
            title: 'Роль',
            width: 260,
            render: (_, m) => (
              <Select
                style={{ width: 240 }}
                value={m.role}
                options={ROLE_OPTIONS}
                onChange={(r) => act(() => call('workingGroup.update', { id: m.id, role: r })).then(() => members.reload())}
              />
            ),
          },
          {
            title: '',
            width: 140,
            render: (_, m) => (
              <Popconfirm
                title="Исключить из рабочей группы?"
                okText="Исключить"
                cancelText="Отмена"
                onConfirm={() => act(() => call('workingGroup.remove', { id: m.id })).then(() => members.reload())}
              >
                <Button size="small" danger>
                  Исключить
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}

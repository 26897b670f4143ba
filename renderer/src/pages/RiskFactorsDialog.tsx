/**
 * «Факторы риска»: the editable list behind the profiles and the matrix — add, rename, move up and
 * down, archive; «Удалить» archives a factor in use and sends an unused one to the recycle bin.
 */
import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { useAction, useLoad } from '../hooks';
import { LIMITS, limited } from '../limits';

type Factor = ApiOutput<'risks.factors'>[number];

export function RiskFactorsDialog(props: { open: boolean; onClose: () => void }) {
  const factors = useLoad(() => call('risks.factors'), [props.open]);
  const act = useAction();
  const { message } = App.useApp();
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<{ id: number; name: string } | null>(null);
  const list = factors.data ?? [];

  const run = async (fn: () => Promise<unknown>, success?: string) => {
    if (await act(fn, success)) await factors.reload();
  };
  const add = () =>
    run(async () => {
      await call('risks.saveFactor', { id: null, name });
      setName('');
    }, 'Фактор добавлен');
  const rename = () =>
    run(async () => {
      await call('risks.saveFactor', { id: editing!.id, name: editing!.name });
      setEditing(null);
    }, 'Сохранено');
  const remove = (f: Factor) =>
    run(async () => {
      const r = await call('risks.deleteFactor', { id: f.id });
      void message.success(
        r.outcome === 'archived'
          ? `«${f.name}» используется в профилях или мероприятиях: перенесён в архив`
          : `«${f.name}» перемещён в корзину`,
      );
    });

  return (
    <Modal
      open={props.open}
      title="Факторы риска"
      width={820}
      onCancel={props.onClose}
      footer={<Button onClick={props.onClose}>Закрыть</Button>}
    >
      <Typography.Paragraph type="secondary">
        Список проекта «500+». Фактор, который уже отмечен в профиле школы или связан с мероприятием, не удаляется, а переносится в архив:
        он остаётся в профилях и планах, но не предлагается для новых.
      </Typography.Paragraph>
      <Table<Factor>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ y: 380 }}
        dataSource={list}
        columns={[
          {
            title: 'Фактор риска',
            key: 'name',
            render: (_, f) =>
              editing?.id === f.id ? (
                <Space.Compact style={{ width: '100%' }}>
                  <Input
                    aria-label="Название фактора"
                    value={editing.name}
                    onChange={(e) => setEditing({ id: f.id, name: e.target.value })}
                    onPressEnter={() => void rename()}
                    {...limited(LIMITS.medium)}
                  />
                  <Button type="primary" onClick={() => void rename()} disabled={!editing.name.trim()}>
                    Сохранить
                  </Button>
                </Space.Compact>
              ) : (
                <Typography.Text type={f.archived ? 'secondary' : undefined}>
                  {f.name} {f.archived && <Tag>в архиве</Tag>}
                </Typography.Text>
              ),
          },
          {
            title: 'Используется',
            key: 'used',
            width: 130,
            render: (_, f) => (f.profiles || f.measures ? `профилей: ${f.profiles}, мер.: ${f.measures}` : '—'),
          },
          {
            title: '',
            key: 'actions',
            width: 250,
            render: (_, f) => {
              const i = list.indexOf(f);
              return (
                <Space size={4}>
                  <Button
                    size="small"
                    icon={<ArrowUpOutlined />}
                    aria-label="Выше"
                    disabled={i === 0}
                    onClick={() => void run(() => call('risks.moveFactor', { id: f.id, index: i - 1 }))}
                  />
                  <Button
                    size="small"
                    icon={<ArrowDownOutlined />}
                    aria-label="Ниже"
                    disabled={i === list.length - 1}
                    onClick={() => void run(() => call('risks.moveFactor', { id: f.id, index: i + 1 }))}
                  />
                  <Button size="small" onClick={() => setEditing({ id: f.id, name: f.name })}>
                    Изменить
                  </Button>
                  {f.archived ? (
                    <Button
                      size="small"
                      onClick={() => void run(() => call('risks.archiveFactor', { id: f.id, archived: false }), 'Возвращён из архива')}
                    >
                      Из архива
                    </Button>
                  ) : (
                    <Popconfirm
                      title={f.profiles || f.measures ? 'Фактор используется: перенести в архив?' : 'Удалить фактор в корзину?'}
                      okText={f.profiles || f.measures ? 'В архив' : 'Удалить'}
                      cancelText="Отмена"
                      onConfirm={() => void remove(f)}
                    >
                      <Button size="small" danger>
                        Удалить
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Space.Compact style={{ width: '100%', marginTop: 12 }}>
        <Input
          placeholder="Новый фактор риска"
          aria-label="Новый фактор риска"
          value={name}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && void add()}
          {...limited(LIMITS.medium)}
        />
        <Button type="primary" onClick={() => void add()} disabled={!name.trim()}>
          Добавить
        </Button>
      </Space.Compact>
    </Modal>
  );
}

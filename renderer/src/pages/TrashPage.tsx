/**
 * «Корзина»: what was deleted, when, and how much is inside; each item can be restored (with the
 * same ids, so links and execution come back) or deleted for good; «Очистить корзину» empties it.
 */
import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { call, type ApiOutput } from '../api';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';

type Item = ApiOutput<'trash.list'>[number];

const KIND_LABELS: Record<Item['kind'], string> = {
  roadmap: 'Дорожная карта',
  meeting: 'Заседание',
  order: 'Приказ',
  person: 'Человек',
  organization: 'Организация',
  risk_factor: 'Фактор риска',
  indicator: 'Индикатор',
};

/** Where a restored item is shown. */
function openItem(item: { kind: Item['kind']; id: number }): void {
  if (item.kind === 'roadmap') go('roadmaps', item.id);
  else if (item.kind === 'meeting') go('meetings', item.id);
  else if (item.kind === 'order') go('orders', item.id);
  else if (item.kind === 'person') go('people');
  else if (item.kind === 'risk_factor') go('risks');
  // An indicator is shown on its roadmap's «Показатели» tab: the roadmap is found by the restored indicator.
  else if (item.kind === 'indicator')
    void call('indicators.get', { id: item.id }).then(
      (i) => go('roadmaps', i.roadmapId, 'indicators'),
      () => go('roadmaps'),
    );
  else go('organizations');
}

const formatMoment = (iso: string) => dayjs(iso).format('DD.MM.YYYY HH:mm');

export function TrashPage() {
  const list = useLoad(() => call('trash.list'), []);
  const act = useAction();
  const { modal, message } = App.useApp();
  const items = list.data ?? [];

  const restore = async (item: Item) => {
    let notes: string[] = [];
    const ok = await act(async () => {
      notes = (await call('trash.restore', { kind: item.kind, id: item.id })).notes;
    });
    await list.reload();
    if (!ok) return;
    const open = () => openItem(item);
    if (notes.length === 0) {
      void message.success({ content: `Восстановлено: ${item.title}`, onClick: open });
      return;
    }
    // Links to records deleted meanwhile could not come back: said plainly, never dropped silently.
    modal.info({
      title: `Восстановлено: ${item.title}`,
      content: (
        <>
          <p>Часть связей не восстановлена: записей, на которые они указывали, больше нет.</p>
          <ul>
            {notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      ),
      okText: 'Понятно',
    });
  };

  const purge = (item: Item) =>
    modal.confirm({
      title: `Удалить навсегда «${item.title}»?`,
      content: `${KIND_LABELS[item.kind]}, внутри: ${item.contents}. Всё это будет удалено без возможности восстановления.`,
      okText: 'Удалить навсегда',
      okButtonProps: { danger: true },
      cancelText: 'Отмена',
      onOk: () => act(() => call('trash.purge', { kind: item.kind, id: item.id }), 'Удалено навсегда').then(() => list.reload()),
    });

  const empty = () =>
    modal.confirm({
      title: 'Очистить корзину?',
      content: `Все записи в корзине (${items.length}) будут удалены навсегда вместе со всем, что в них. Восстановить их будет нельзя.`,
      okText: 'Очистить корзину',
      okButtonProps: { danger: true },
      cancelText: 'Отмена',
      onOk: () => act(() => call('trash.empty'), 'Корзина очищена').then(() => list.reload()),
    });

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Корзина
        </Typography.Title>
        <Button danger icon={<DeleteOutlined />} disabled={items.length === 0} onClick={empty}>
          Очистить корзину
        </Button>
      </Space>
      <Typography.Paragraph type="secondary">
        Удалённые дорожные карты, заседания, приказы, люди и организации хранятся здесь со всем содержимым, пока вы не удалите их навсегда.
        Восстановленная запись возвращается на своё место со всеми мероприятиями, решениями, отметками исполнения и связями.
      </Typography.Paragraph>
      <Table<Item>
        rowKey={(x) => `${x.kind}:${x.id}`}
        size="middle"
        loading={list.loading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: 'Корзина пуста' }}
        columns={[
          { title: 'Что', width: 150, render: (_, x) => <Tag>{KIND_LABELS[x.kind]}</Tag> },
          { title: 'Название', dataIndex: 'title' },
          { title: 'Удалено', width: 150, render: (_, x) => formatMoment(x.deletedAt) },
          { title: 'Внутри', dataIndex: 'contents', width: 320 },
          {
            title: '',
            width: 300,
            render: (_, x) => (
              <Space>
                <Button size="small" icon={<UndoOutlined />} onClick={() => void restore(x)}>
                  Восстановить
                </Button>
                <Button size="small" danger onClick={() => purge(x)}>
                  Удалить навсегда
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

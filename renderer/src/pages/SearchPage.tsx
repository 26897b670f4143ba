/** Search across all roadmaps: by measure, term, executor or result. */
import { Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { useAction } from '../hooks';
import { go } from '../route';
import { LIMITS, limited } from '../limits';

type Hit = ApiOutput<'search.measures'>[number];

export function SearchPage() {
  const [hits, setHits] = useState<Hit[] | null>(null);
  const act = useAction();
  return (
    <>
      <Typography.Title level={3}>Поиск по всем дорожным картам</Typography.Title>
      <Input.Search
        autoFocus
        allowClear
        enterButton="Найти"
        {...limited(LIMITS.short)}
        placeholder="Например: ВПР, Гокова, ежеквартально"
        style={{ maxWidth: 640, marginBottom: 12 }}
        onSearch={(q) => act(async () => setHits(await call('search.measures', { query: q })))}
      />
      {hits && (
        <Table<Hit>
          rowKey="measureId"
          size="small"
          dataSource={hits}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: 'Ничего не найдено' }}
          onRow={(h) => ({ onClick: () => go('roadmaps', h.roadmapId, 'plan', h.measureId), style: { cursor: 'pointer' } })}
          columns={[
            { title: 'Дорожная карта', dataIndex: 'roadmapTitle', width: 300, ellipsis: true },
            { title: '№', dataIndex: 'number', width: 60 },
            { title: 'Мероприятие', dataIndex: 'name' },
            { title: 'Срок', dataIndex: 'term', width: 150 },
            { title: 'Исполнители', dataIndex: 'executors', width: 220 },
          ]}
        />
      )}
    </>
  );
}

/** The list of roadmaps, and creating or importing a new one. */
import { Space, Table, Typography } from 'antd';
import { call, type ApiOutput } from '../api';
import { useDirectory } from '../directory';
import { formatDate, formatPeriod } from '../format';
import { useLoad } from '../hooks';
import { go } from '../route';
import { NewRoadmapButtons } from './NewRoadmapButtons';

type Summary = ApiOutput<'roadmaps.list'>[number];

export function RoadmapsPage() {
  const { data, loading } = useLoad(() => call('roadmaps.list'), []);
  const dir = useDirectory();

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Дорожные карты
        </Typography.Title>
        <NewRoadmapButtons />
      </Space>
      <Table<Summary>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: 'Дорожных карт пока нет. Создайте первую.' }}
        onRow={(r) => ({ onClick: () => go('roadmaps', r.id, 'plan'), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Название', dataIndex: 'title', render: (t: string) => <a>{t}</a> },
          {
            title: 'Уровень',
            width: 200,
            render: (_, r) => (r.level === 'school' ? `школьная: ${dir.orgName(r.schoolId)}` : 'муниципальная'),
          },
          { title: 'Период', width: 220, render: (_, r) => formatPeriod(r.periodStart, r.periodEnd) },
          { title: 'Разделов', dataIndex: 'sections', width: 90 },
          { title: 'Мероприятий', dataIndex: 'measures', width: 110 },
          {
            title: 'Источник',
            width: 200,
            render: (_, r) => (r.sourceFile ? <span title={`импортировано ${formatDate(r.importedAt)}`}>{r.sourceFile}</span> : ''),
          },
        ]}
      />
    </>
  );
}

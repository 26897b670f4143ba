/**
 * One roadmap: its plan (the measure table) and its passport, on two tabs. The passport form is
 * rebuilt whenever the roadmap changes (a save, an undo of the passport): leaving its tab with
 * changes asks first, so nothing typed is lost by that.
 */
import { Breadcrumb, Button, Popconfirm, Space, Tabs, Tooltip, Typography } from 'antd';
import { call } from '../api';
import { useDirectory } from '../directory';
import { formatDate, formatPeriod } from '../format';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { CopyRoadmapButton } from './CopyRoadmapDialog';
import { DocumentButton } from './DocumentDialog';
import { PassportForm } from './PassportForm';
import { PlanTable } from './PlanTable';
import { PlanXlsxButton } from './PlanXlsxButton';
import { SchoolLinksButton } from './SchoolLinksDialog';

export function RoadmapEditor({ roadmapId, tab, measureId }: { roadmapId: number; tab: string | null; measureId: number | null }) {
  const plan = useLoad(() => call('plan.get', { roadmapId }), [roadmapId]);
  const dir = useDirectory();
  const act = useAction();
  if (plan.error) return <Typography.Text type="danger">{plan.error}</Typography.Text>;
  if (!plan.data) return null;
  const { roadmap } = plan.data;
  return (
    <>
      <Breadcrumb items={[{ title: <a onClick={() => go('roadmaps')}>Дорожные карты</a> }, { title: formatPeriod(roadmap.periodStart, roadmap.periodEnd) }]} />
      <Space align="start" style={{ width: '100%', justifyContent: 'space-between', margin: '8px 0' }}>
        <Typography.Title level={4} style={{ margin: 0, maxWidth: 1000 }} data-testid="roadmap-title">
          {roadmap.title}
        </Typography.Title>
        <Space>
        <DocumentButton request={{ kind: 'appendix', roadmapId }} approvingOrders={plan.data.orders} />
        <PlanXlsxButton roadmapId={roadmapId} />
        <CopyRoadmapButton roadmap={roadmap} />
        <SchoolLinksButton roadmapId={roadmapId} onLinked={() => void plan.reload()} />
        {plan.data.orders.length > 0 ? (
          // The rule is in db/roadmaps.ts (deleteRoadmap); said here before asking, not after.
          <Tooltip title={`Карта утверждена приказом ${plan.data.orders.map((o) => `№ ${o.number} от ${formatDate(o.date)}`).join(', ')}: чтобы удалить её, сначала уберите её из приложений приказа.`}>
            <Button danger disabled>
              Удалить карту
            </Button>
          </Tooltip>
        ) : (
          <Popconfirm
            title="Удалить дорожную карту со всеми мероприятиями и отметками об исполнении?"
            description="Она попадёт в корзину: её можно будет восстановить целиком."
            okText="Удалить"
            cancelText="Отмена"
            onConfirm={() => act(() => call('roadmaps.delete', { id: roadmapId }), 'Дорожная карта перемещена в корзину').then((ok) => ok && go('roadmaps'))}
          >
            <Button danger>Удалить карту</Button>
          </Popconfirm>
        )}
        </Space>
      </Space>
      <Tabs
        activeKey={tab === 'passport' ? 'passport' : 'plan'}
        onChange={(k) => go('roadmaps', roadmapId, k)}
        items={[
          { key: 'plan', label: 'План мероприятий', children: <PlanTable data={plan.data} dir={dir} reload={plan.reload} openMeasureId={measureId} /> },
          { key: 'passport', label: 'Паспорт и параметры', children: <PassportForm key={roadmap.updatedAt} roadmap={roadmap} dir={dir} onSaved={plan.reload} /> },
        ]}
      />
    </>
  );
}

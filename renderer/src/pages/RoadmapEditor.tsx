/**
 * One roadmap: its plan (the measure table), its timeline («Шкала времени»), its passport and its
 * indicators («Показатели»), on tabs. The passport form is rebuilt whenever the roadmap changes (a save, an undo of the passport): leaving its tab with
 * changes asks first, so nothing typed is lost by that.
 */
import { DeleteOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, ConfigProvider, Popconfirm, Space, Tabs, Tooltip, Typography } from 'antd';
import { call } from '../api';
import { useDirectory } from '../directory';
import { formatDate, formatPeriod } from '../format';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { CopyRoadmapButton } from './CopyRoadmapDialog';
import { DocumentButton } from './DocumentDialog';
import { IndicatorsTab } from './indicators/IndicatorsTab';
import { PassportForm } from './PassportForm';
import { PlanTable } from './PlanTable';
import { PlanXlsxButton } from './PlanXlsxButton';
import { SchoolLinksButton } from './SchoolLinksDialog';
import { TimelineTab } from '../timeline/TimelineTab';

export function RoadmapEditor({ roadmapId, tab, measureId }: { roadmapId: number; tab: string | null; measureId: number | null }) {
  const plan = useLoad(() => call('plan.get', { roadmapId }), [roadmapId]);
  const dir = useDirectory();
  const act = useAction();
  if (plan.error) return <Typography.Text type="danger">{plan.error}</Typography.Text>;
  if (!plan.data) return null;
  const { roadmap } = plan.data;
  return (
    <>
      {/* One compact block above the plan (breadcrumb and actions on one line, the title in two at most),
          so that at 1366×768 and smaller the table keeps the height. */}
      <div style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}>
        <div
          title={`Дорожные карты / ${formatPeriod(roadmap.periodStart, roadmap.periodEnd)}`}
          style={{ flex: '1 1 auto', minWidth: 0, overflow: 'hidden' }}
        >
          <Breadcrumb
            className="roadmap-breadcrumb"
            style={{ fontSize: 12, whiteSpace: 'nowrap' }}
            items={[
              { title: <a onClick={() => go('roadmaps')}>Дорожные карты</a> },
              { title: formatPeriod(roadmap.periodStart, roadmap.periodEnd) },
            ]}
          />
        </div>
        <ConfigProvider componentSize="small">
          <Space size={6} style={{ flex: 'none' }}>
            <DocumentButton request={{ kind: 'appendix', roadmapId }} approvingOrders={plan.data.orders} />
            <PlanXlsxButton roadmapId={roadmapId} />
            <CopyRoadmapButton roadmap={roadmap} />
            <SchoolLinksButton roadmapId={roadmapId} onLinked={() => void plan.reload()} />
            {plan.data.orders.length > 0 ? (
              // The rule is in db/roadmaps.ts (deleteRoadmap); said here before asking, not after.
              <Tooltip
                title={`Карта утверждена приказом ${plan.data.orders.map((o) => `№ ${o.number} от ${formatDate(o.date)}`).join(', ')}: чтобы удалить её, сначала уберите её из приложений приказа.`}
              >
                <Button danger disabled icon={<DeleteOutlined />} aria-label="Удалить карту" />
              </Tooltip>
            ) : (
              <Popconfirm
                title="Удалить дорожную карту со всеми мероприятиями и отметками об исполнении?"
                description="Она попадёт в корзину: её можно будет восстановить целиком."
                okText="Удалить"
                cancelText="Отмена"
                onConfirm={() =>
                  act(() => call('roadmaps.delete', { id: roadmapId }), 'Дорожная карта перемещена в корзину').then(
                    (ok) => ok && go('roadmaps'),
                  )
                }
              >
                <Tooltip title="Удалить карту">
                  <Button danger icon={<DeleteOutlined />} aria-label="Удалить карту" />
                </Tooltip>
              </Popconfirm>
            )}
          </Space>
        </ConfigProvider>
      </div>
      <style>{'.roadmap-breadcrumb ol { flex-wrap: nowrap; }'}</style>
      <Typography.Title level={5} style={{ margin: '4px 0 0' }} ellipsis={{ rows: 2, tooltip: roadmap.title }} data-testid="roadmap-title">
        {roadmap.title}
      </Typography.Title>
      <Tabs
        size="small"
        tabBarStyle={{ marginBottom: 6 }}
        activeKey={tab === 'passport' || tab === 'timeline' || tab === 'indicators' ? tab : 'plan'}
        onChange={(k) => go('roadmaps', roadmapId, k)}
        items={[
          {
            key: 'plan',
            label: 'План мероприятий',
            children: <PlanTable data={plan.data} dir={dir} reload={plan.reload} openMeasureId={measureId} />,
          },
          {
            key: 'timeline',
            label: 'Шкала времени',
            // Drawn only while its tab is open: the plan's edits are read again on the next visit.
            children: tab === 'timeline' ? <TimelineTab roadmapId={roadmapId} /> : null,
          },
          {
            key: 'passport',
            label: 'Паспорт и параметры',
            children: <PassportForm key={roadmap.updatedAt} roadmap={roadmap} dir={dir} onSaved={plan.reload} />,
          },
          {
            key: 'indicators',
            label: 'Показатели',
            children: <IndicatorsTab roadmapId={roadmapId} passportText={roadmap.indicators} />,
          },
        ]}
      />
    </>
  );
}

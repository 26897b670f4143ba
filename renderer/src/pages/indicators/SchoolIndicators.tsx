/**
 * A school's «Показатели»: for each roadmap with indicators, each indicator with this school's baseline,
 * targets and actual values by year and whether each target is met, beside the district's (read-only;
 * values are entered on the roadmap's «Показатели» tab).
 */
import { Empty, Table, Typography } from 'antd';
import { call, type ApiOutput } from '../../api';
import { useLoad } from '../../hooks';
import { go } from '../../route';
import { formatIndicatorValue, yearLabel } from '../../../../shared/indicators';
import { INDICATOR_UNIT_LABELS } from '../../../../shared/labels';
import { AchievementTag } from './AchievementTag';

type Roadmap = ApiOutput<'indicators.schoolBoard'>[number];
type Indicator = Roadmap['indicators'][number];

function yearsText(line: Indicator['lines'][number] | undefined, indicator: Indicator) {
  if (!line) return <Typography.Text type="secondary">значений нет</Typography.Text>;
  return (
    // A year a line: side by side, three years and the tags ran past a 1366-px screen's edge.
    <div style={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      {line.years.map((y) => (
        <span key={y.year}>
          {yearLabel(y.year, indicator.yearKind)}: план {formatIndicatorValue(y.target) || '—'}, факт{' '}
          {formatIndicatorValue(y.actual) || '—'}
          {y.computed && <Typography.Text type="secondary"> (рассчитано по школам)</Typography.Text>}{' '}
          <AchievementTag value={y.achievement} />
        </span>
      ))}
    </div>
  );
}

export function SchoolIndicators({ schoolId }: { schoolId: number }) {
  const board = useLoad(() => call('indicators.schoolBoard', { schoolId }), [schoolId]);
  if (board.error) return <Typography.Text type="danger">{board.error}</Typography.Text>;
  if (!board.data) return null;
  if (board.data.length === 0) return <Empty description="В дорожных картах пока нет индикаторов" />;
  return (
    <div data-testid="school-indicators">
      {board.data.map((r) => (
        <section key={r.roadmapId} style={{ marginBottom: 16 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            <a onClick={() => go('roadmaps', r.roadmapId, 'indicators')}>{r.title}</a>
          </Typography.Title>
          <Table<Indicator>
            size="small"
            rowKey="id"
            pagination={false}
            tableLayout="fixed"
            dataSource={r.indicators}
            columns={[
              { title: 'Индикатор', width: '30%', render: (_, i) => `${i.name}, ${INDICATOR_UNIT_LABELS[i.unit]}` },
              {
                title: 'Базовое',
                width: 100,
                render: (_, i) => {
                  const b = i.lines.find((l) => l.schoolId === schoolId)?.baseline;
                  return b ? `${formatIndicatorValue(b.value)} (${b.year})` : '—';
                },
              },
              {
                title: 'Школа',
                render: (_, i) =>
                  yearsText(
                    i.lines.find((l) => l.schoolId === schoolId),
                    i,
                  ),
              },
              { title: 'Район', render: (_, i) => yearsText(i.lines[0], i) },
            ]}
          />
        </section>
      ))}
    </div>
  );
}

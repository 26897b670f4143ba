/**
 * «Главная»: what needs attention this morning, from one call (`home.summary`) — overdue measures and
 * decisions, what is due this week and this month, the current quarter per roadmap in force as
 * stacked bars with their numbers, the schools with the most overdue lines, the last imports of
 * schools' answers. Every number is a link to the list behind it: «Сроки» filtered through the
 * address (#/deadlines?window=overdue&school=3&today=…), so the list shows the same lines. A line
 * opens its measure in the plan or the decision in its protocol. `today` may come in the address
 * (#/home?today=2024-11-15) to look at another date; the links carry it on.
 */
import { Alert, Card, Col, Empty, Row, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { call, type ApiOutput } from '../api';
import { formatDate } from '../format';
import { useLoad } from '../hooks';
import { go, hashOf } from '../route';
import { quarterLabel } from './labels';
import { ProgressChart } from '../charts/ProgressChart';
import { quarterOf } from '../../../shared/quarters';
import { cssColor, DARK_TEXT } from '../../../shared/status-colors';
import { SUMMARY_KEY_LABELS, SUMMARY_KEYS, type SummaryKey } from '../../../shared/status-summary';

type Summary = ApiOutput<'home.summary'>;
type Line = Summary['overdue']['first'][number];
type Window = 'overdue' | 'week' | 'month';

const WINDOW_TITLES: Record<Window, string> = { overdue: 'Просрочено', week: 'На этой неделе', month: 'В этом месяце' };

/** The «Сроки» list behind a number, as an address. */
const deadlinesLink = (today: string, window: Window, schoolId?: number) =>
  hashOf('deadlines', null, null, null, { window, school: schoolId, today });

const openLine = (x: Line) =>
  x.source === 'measure' ? go('roadmaps', x.roadmapId, 'plan', x.id) : go('meetings', x.meetingId, 'decision', x.id);

/** One of the first lines: the date, what is to be done, who does it — a click opens it where it lives. */
function LineItem({ x, danger }: { x: Line; danger: boolean }) {
  return (
    <li style={{ listStyle: 'none', padding: '4px 0', borderTop: '1px solid #f0f0f0' }}>
      <a onClick={() => openLine(x)} data-testid="home-line" title={`${x.origin} · ${x.term}`}>
        <Typography.Text type={danger ? 'danger' : undefined} strong style={{ marginRight: 8 }}>
          {formatDate(x.due)}
        </Typography.Text>
        <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
          {x.number ? `${x.number}${x.number.endsWith('.') ? '' : '.'} ` : ''}
          {x.name}
        </Typography.Text>
      </a>
      <div style={{ fontSize: 12, color: '#8c8c8c', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
        {x.executors || 'исполнитель не указан'} · срок: {x.summary || x.term}
      </div>
    </li>
  );
}

function DueCard({ s, window, shown }: { s: Summary; window: Window; shown: number }) {
  const list = s[window];
  const danger = window === 'overdue';
  return (
    <Card
      size="small"
      title={WINDOW_TITLES[window]}
      extra={window === 'overdue' ? null : <span style={{ color: '#8c8c8c' }}>{`${formatDate(list.from)} – ${formatDate(list.to)}`}</span>}
      style={{ height: '100%' }}
      data-testid={`home-${window}`}
    >
      <a href={deadlinesLink(s.today, window)} data-testid={`home-${window}-count`} aria-label={`${WINDOW_TITLES[window]}: ${list.count}`}>
        <span style={{ fontSize: 30, fontWeight: 600, color: danger && list.count > 0 ? '#cf1322' : undefined }}>{list.count}</span>
      </a>
      {list.count === 0 ? (
        <div style={{ color: '#8c8c8c' }}>{danger ? 'Просроченных сроков нет' : 'Сроков нет'}</div>
      ) : (
        <ul style={{ margin: '4px 0 0', padding: 0 }}>
          {list.first.slice(0, shown).map((x) => (
            <LineItem key={`${x.source}${x.id}`} x={x} danger={x.overdue} />
          ))}
        </ul>
      )}
      {list.count > shown && (
        <a href={deadlinesLink(s.today, window)} style={{ fontSize: 12 }}>
          Все {list.count} в «Сроках» →
        </a>
      )}
    </Card>
  );
}

/** A roadmap's quarter as one stacked bar: a segment per status with its number, widths in proportion. */
function ProgressBar({ p }: { p: Summary['progress'][number] }) {
  const parts = SUMMARY_KEYS.filter((k) => p.counts[k] > 0);
  return (
    <div style={{ marginBottom: 10 }} data-testid="home-progress-row" data-roadmap={p.roadmapId}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
        <a
          onClick={() => go('execution', p.roadmapId)}
          title={p.title}
          style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontSize: 13 }}
        >
          {p.title}
        </a>
        <span style={{ color: '#8c8c8c', fontSize: 12, whiteSpace: 'nowrap' }} data-testid="home-progress-total">
          всего: {p.total}
        </span>
      </div>
      <div
        role="img"
        aria-label={`${p.title}: ${SUMMARY_KEYS.map((k) => `${SUMMARY_KEY_LABELS[k]}: ${p.counts[k]}`).join(', ')}`}
        style={{ display: 'flex', height: 22, borderRadius: 3, overflow: 'hidden', background: '#f5f5f5' }}
      >
        {parts.map((k) => (
          <div
            key={k}
            data-status={k}
            title={`${SUMMARY_KEY_LABELS[k]}: ${p.counts[k]}`}
            aria-label={`${SUMMARY_KEY_LABELS[k]}: ${p.counts[k]}`}
            style={{
              flex: `${p.counts[k]} 0 24px`,
              background: cssColor(k),
              color: DARK_TEXT.has(k) ? '#000' : '#fff',
              fontSize: 12,
              lineHeight: '22px',
              textAlign: 'center',
            }}
          >
            {p.counts[k]}
          </div>
        ))}
      </div>
    </div>
  );
}

function Legend() {
  return (
    <Space wrap size={[12, 4]} style={{ fontSize: 12, marginBottom: 8 }}>
      {SUMMARY_KEYS.map((k: SummaryKey) => (
        <span key={k}>
          <span style={{ display: 'inline-block', width: 10, height: 10, background: cssColor(k), marginRight: 4, borderRadius: 2 }} />
          {SUMMARY_KEY_LABELS[k]}
        </span>
      ))}
    </Space>
  );
}

export function HomePage({ query = {} }: { query?: Readonly<Record<string, string>> }) {
  const today = query.today && /^\d{4}-\d{2}-\d{2}$/.test(query.today) ? query.today : dayjs().format('YYYY-MM-DD');
  const summary = useLoad(() => call('home.summary', { today }), [today]);
  const s = summary.data;
  const progress = useLoad(() => call('progress.byQuarter', { upTo: quarterOf(today) }), [today]);
  // The district's line and the lines of the roadmaps in force now (the bars above): not every plan of past years.
  const inForce = new Set(s?.progress.map((p) => p.roadmapId));
  const lines = progress.data
    ? [
        ...progress.data.roadmaps.filter((r) => r.roadmapId !== null && inForce.has(r.roadmapId)),
        ...(progress.data.district ? [progress.data.district] : []),
      ]
    : [];
  return (
    <div data-testid="home-page">
      <Typography.Title level={3} style={{ marginBottom: 4 }}>
        Главная
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {`На ${formatDate(today)}`}
        {s ? ` · ${quarterLabel(s.quarter)}` : ''}. Каждое число открывает список за ним.
      </Typography.Paragraph>
      {summary.error && <Alert type="error" showIcon message={summary.error} />}
      {s && (
        <>
          <Row gutter={[12, 12]}>
            <Col span={10}>
              <DueCard s={s} window="overdue" shown={5} />
            </Col>
            <Col span={7}>
              <DueCard s={s} window="week" shown={3} />
            </Col>
            <Col span={7}>
              <DueCard s={s} window="month" shown={3} />
            </Col>
            <Col span={14}>
              <Card size="small" title={`Исполнение за ${quarterLabel(s.quarter)}: действующие дорожные карты`} data-testid="home-progress">
                {s.progress.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="В этом квартале нет действующих дорожных карт" />
                ) : (
                  <>
                    <Legend />
                    {s.progress.map((p) => (
                      <ProgressBar key={p.roadmapId} p={p} />
                    ))}
                  </>
                )}
                {lines.length > 0 && (
                  <div style={{ marginTop: 8 }} data-testid="home-progress-chart">
                    <ProgressChart series={lines} height={170} title="Ход выполнения по кварталам: район и действующие дорожные карты" />
                  </div>
                )}
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title="Школы: больше всего просроченного" data-testid="home-schools">
                {s.schools.length === 0 ? (
                  <div style={{ color: '#8c8c8c' }}>У школ нет просроченных сроков</div>
                ) : (
                  <ol style={{ margin: 0, paddingLeft: 20 }}>
                    {s.schools.map((x) => (
                      <li key={x.schoolId} data-testid="home-school">
                        <a href={deadlinesLink(s.today, 'overdue', x.schoolId)} aria-label={`${x.name}: просрочено ${x.overdue}`}>
                          <span style={{ display: 'inline-block', minWidth: 220 }}>{x.name}</span>
                          <Typography.Text type="danger" strong data-testid="home-school-count">
                            {x.overdue}
                          </Typography.Text>
                        </a>
                      </li>
                    ))}
                  </ol>
                )}
              </Card>
            </Col>
            <Col span={24}>
              <Card size="small" title="Последние загрузки ответов школ" data-testid="home-imports">
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={s.imports}
                  locale={{ emptyText: 'Ответы школ ещё не загружались («Отчёты и формы» → «Ответы школ»)' }}
                  columns={[
                    { title: 'Когда', width: 150, render: (_, r) => dayjs(r.importedAt).format('DD.MM.YYYY HH:mm') },
                    { title: 'Школы', dataIndex: 'schools', render: (t: string) => t || '—' },
                    { title: 'Кварталы', width: 200, render: (_, r) => r.quarters.split(', ').map(quarterLabel).join(', ') },
                    { title: 'Ответов', dataIndex: 'answers', width: 90 },
                    { title: 'Файлы', dataIndex: 'files', ellipsis: true },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}

/**
 * «Сроки»: across all roadmaps and protocol decisions, what is due this week, this month, this
 * quarter, and what is overdue — filterable by executor, school and roadmap; a line opens its measure.
 */
import { Checkbox, DatePicker, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { DATE_FORMAT, formatDate, fromDayjs } from '../format';
import { useLoad } from '../hooks';
import { go } from '../route';
import { quarterLabel, STATUS_COLORS, STATUS_LABELS } from './labels';
import { LIMITS, limited } from '../limits';

type Item = ApiOutput<'terms.due'>[number];
type Window = 'overdue' | 'week' | 'month' | 'quarter';

const WINDOWS: { value: Window; label: string }[] = [
  { value: 'overdue', label: 'Просрочено' },
  { value: 'week', label: 'На этой неделе' },
  { value: 'month', label: 'В этом месяце' },
  { value: 'quarter', label: 'В этом квартале' },
];

export function DeadlinesPage() {
  const dir = useDirectory();
  const roadmaps = useLoad(() => call('roadmaps.list'), []);
  const [today, setToday] = useState<Dayjs>(dayjs());
  const [window, setWindow] = useState<Window>('overdue');
  const [personId, setPersonId] = useState<number | undefined>();
  const [schoolId, setSchoolId] = useState<number | undefined>();
  const [roadmapId, setRoadmapId] = useState<number | undefined>();
  const [executor, setExecutor] = useState('');
  const [showDone, setShowDone] = useState(false);
  const items = useLoad(
    () => call('terms.due', { today: fromDayjs(today), window, personId, schoolId, roadmapId, ...(executor.trim() ? { executor: executor.trim() } : {}) }),
    [today.format('YYYY-MM-DD'), window, personId, schoolId, roadmapId, executor],
  );
  const shown = (items.data ?? []).filter((x) => showDone || !x.done);

  return (
    <>
      <Typography.Title level={3}>Сроки</Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>
          На дату:{' '}
          <DatePicker value={today} format={DATE_FORMAT} allowClear={false} onChange={(d) => d && setToday(d)} aria-label="На дату" />
        </span>
        <Segmented<Window> options={WINDOWS} value={window} onChange={setWindow} />
        {window !== 'overdue' && (
          <Checkbox checked={showDone} onChange={(e) => setShowDone(e.target.checked)}>
            Показывать выполненные
          </Checkbox>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear style={{ width: 260 }} placeholder="Исполнитель (человек)" showSearch={{ filterOption: selectFilter }} options={dir.personOptions} value={personId} onChange={setPersonId} />
        <Input allowClear style={{ width: 220 }} placeholder="Исполнитель (текст)" value={executor} onChange={(e) => setExecutor(e.target.value)} {...limited(LIMITS.short)} />
        <Select allowClear style={{ width: 220 }} placeholder="Школа" showSearch={{ filterOption: selectFilter }} options={dir.schools.map((s) => ({ value: s.id, label: s.shortName || s.name }))} value={schoolId} onChange={setSchoolId} />
        <Select allowClear style={{ width: 360 }} placeholder="Дорожная карта" showSearch={{ filterOption: selectFilter }} options={(roadmaps.data ?? []).map((r) => ({ value: r.id, label: r.title }))} value={roadmapId} onChange={setRoadmapId} />
      </Space>
      <Table<Item>
        rowKey={(x) => `${x.source}${x.id}:${x.due}`}
        size="small"
        loading={items.loading}
        dataSource={shown}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        locale={{ emptyText: window === 'overdue' ? 'Просроченных сроков нет' : 'В этом окне сроков нет' }}
        onRow={(x) => ({
          onClick: () => (x.source === 'measure' ? go('roadmaps', x.roadmapId, 'plan', x.id) : go('meetings', x.meetingId)),
          style: { cursor: 'pointer' },
          'data-testid': 'due-row',
        } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          {
            title: 'Срок',
            width: 100,
            render: (_, x) => (
              <Typography.Text type={x.overdue ? 'danger' : undefined} strong={x.overdue}>
                {formatDate(x.due)}
              </Typography.Text>
            ),
          },
          { title: '№', dataIndex: 'number', width: 50 },
          // The name is what a methodist reads: the other columns are sized so that at 1366 px it keeps ~350 px.
          { title: 'Мероприятие / решение', dataIndex: 'name', render: (t: string) => <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0 }}>{t}</Typography.Paragraph> },
          { title: 'Дорожная карта / протокол', dataIndex: 'origin', width: 180, ellipsis: true },
          { title: 'Срок как написан', dataIndex: 'term', width: 130 },
          { title: 'Исполнители', dataIndex: 'executors', width: 150, ellipsis: true },
          {
            title: 'Отметка',
            width: 140,
            render: (_, x) => (
              <>
                {x.status ? <Tag color={STATUS_COLORS[x.status]} style={{ whiteSpace: 'normal' }}>{STATUS_LABELS[x.status]}</Tag> : <Tag>нет отметки</Tag>}
                <div style={{ fontSize: 12, color: '#888' }}>{quarterLabel(x.quarter)}</div>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

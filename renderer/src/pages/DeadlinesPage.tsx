/**
 * «Сроки»: across all roadmaps and protocol decisions, what is due this week, this month, this
 * quarter, and what is overdue — filterable by executor, school and roadmap, sortable, saved to Excel
 * as shown. One line per measure or decision (a weekly measure is one line with its overdue count and
 * next date, expandable to its dates); the grouping, done/overdue and the sort are decided on the
 * Node side (db/terms/due.ts), so the export and the reports count the same. A line opens its measure
 * in the plan, or the protocol at its decision; a decision can be marked done from here.
 */
import { FileExcelOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { call, type ApiInput, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { downloadBase64, MIME } from '../files';
import { DATE_FORMAT, formatDate, fromDayjs } from '../format';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { DecisionMarkButton } from './DecisionMark';
import { quarterLabel, STATUS_COLORS, STATUS_LABELS } from './labels';
import { LIMITS, limited } from '../limits';
import type { DueSortKey } from '../../../shared/due-view';

type Item = ApiOutput<'terms.due'>[number];
type DueDate = Item['dates'][number];
type Window = 'overdue' | 'week' | 'month' | 'quarter';
type Sort = { by: DueSortKey; order: 'ascend' | 'descend' };

const WINDOWS: { value: Window; label: string }[] = [
  { value: 'overdue', label: 'Просрочено' },
  { value: 'week', label: 'На этой неделе' },
  { value: 'month', label: 'В этом месяце' },
  { value: 'quarter', label: 'В этом квартале' },
];

function StatusTag({ status, quarter }: { status: Item['status']; quarter: string }) {
  return (
    <>
      {status ? (
        <Tag color={STATUS_COLORS[status]} style={{ whiteSpace: 'normal' }}>
          {STATUS_LABELS[status]}
        </Tag>
      ) : (
        <Tag>нет отметки</Tag>
      )}
      <div style={{ fontSize: 12, color: '#888' }}>{quarterLabel(quarter)}</div>
    </>
  );
}

/** The dates of a line with several: what «просрочено 14 раз» is made of. */
function DatesOf({ item }: { item: Item }) {
  return (
    <Table<DueDate>
      size="small"
      rowKey="due"
      dataSource={item.dates}
      pagination={false}
      style={{ maxWidth: 560 }}
      onRow={() => ({ 'data-testid': 'due-date' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          title: 'Дата',
          width: 110,
          render: (_, d) => (
            <Typography.Text type={d.overdue ? 'danger' : undefined} strong={d.overdue}>
              {formatDate(d.due)}
            </Typography.Text>
          ),
        },
        { title: 'Квартал', width: 120, render: (_, d) => quarterLabel(d.quarter) },
        {
          title: 'Отметка квартала',
          render: (_, d) => (d.status ? <Tag color={STATUS_COLORS[d.status]}>{STATUS_LABELS[d.status]}</Tag> : <Tag>нет отметки</Tag>),
        },
        {
          title: '',
          width: 110,
          render: (_, d) => (d.overdue ? <Tag color="error">просрочено</Tag> : d.done ? <Tag color="success">выполнено</Tag> : null),
        },
      ]}
    />
  );
}

/**
 * The filter a link carries in the address (#/deadlines?window=overdue&school=3&today=2024-11-15, the
 * numbers of «Главная»): the list opens filtered so; anything unreadable is ignored.
 */
function fromQuery(query: Readonly<Record<string, string>>) {
  const id = (x: string | undefined) => (x && /^[1-9]\d*$/.test(x) ? Number(x) : undefined);
  // Read back and compared: dayjs rolls «2024-02-31» over into March instead of refusing it.
  const day = query.today && /^\d{4}-\d{2}-\d{2}$/.test(query.today) ? dayjs(query.today) : null;
  return {
    window: WINDOWS.find((w) => w.value === query.window)?.value ?? 'overdue',
    schoolId: id(query.school),
    roadmapId: id(query.roadmap),
    today: day?.isValid() && day.format('YYYY-MM-DD') === query.today ? day : dayjs(),
  };
}

export function DeadlinesPage({ query = {} }: { query?: Readonly<Record<string, string>> }) {
  const dir = useDirectory();
  const act = useAction();
  const roadmaps = useLoad(() => call('roadmaps.list'), []);
  const [initial] = useState(() => fromQuery(query));
  const [today, setToday] = useState<Dayjs>(initial.today);
  const [window, setWindow] = useState<Window>(initial.window);
  const [personId, setPersonId] = useState<number | undefined>();
  const [schoolId, setSchoolId] = useState<number | undefined>(initial.schoolId);
  const [roadmapId, setRoadmapId] = useState<number | undefined>(initial.roadmapId);
  const [executor, setExecutor] = useState('');
  const [showDone, setShowDone] = useState(false);
  const [sort, setSort] = useState<Sort>({ by: 'due', order: 'ascend' });
  const [exporting, setExporting] = useState(false);
  // The one request for the list and its export: what is shown is what is saved.
  const request: ApiInput<'terms.due'> = {
    today: fromDayjs(today),
    window,
    personId,
    schoolId,
    roadmapId,
    ...(executor.trim() ? { executor: executor.trim() } : {}),
    showDone: window === 'overdue' ? false : showDone,
    sortBy: sort.by,
    sortOrder: sort.order,
  };
  const items = useLoad(() => call('terms.due', request), [JSON.stringify(request)]);

  const saveXlsx = async () => {
    setExporting(true);
    try {
      await act(async () => {
        if (globalThis.window.rmk) await call('terms.dueSaveXlsx', request);
        else {
          const r = await call('terms.dueDownloadXlsx', request);
          downloadBase64(r.fileName, r.base64, MIME.xlsx);
        }
      });
    } finally {
      setExporting(false);
    }
  };
  const sortOrderOf = (by: DueSortKey): SortOrder => (sort.by === by ? sort.order : null);

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
        <Button
          icon={<FileExcelOutlined />}
          loading={exporting}
          onClick={() => void saveXlsx()}
          title="Список как на экране: с фильтрами и сортировкой"
        >
          Сохранить в Excel
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder="Исполнитель (человек)"
          showSearch={{ filterOption: selectFilter }}
          options={dir.personOptions}
          value={personId}
          onChange={setPersonId}
        />
        <Input
          allowClear
          style={{ width: 220 }}
          placeholder="Исполнитель (текст)"
          value={executor}
          onChange={(e) => setExecutor(e.target.value)}
          {...limited(LIMITS.short)}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder="Школа"
          showSearch={{ filterOption: selectFilter }}
          options={dir.schools.map((s) => ({ value: s.id, label: s.shortName || s.name }))}
          value={schoolId}
          onChange={setSchoolId}
        />
        <Select
          allowClear
          style={{ width: 360 }}
          placeholder="Дорожная карта"
          showSearch={{ filterOption: selectFilter }}
          options={(roadmaps.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
          value={roadmapId}
          onChange={setRoadmapId}
        />
      </Space>
      <Table<Item>
        rowKey={(x) => `${x.source}${x.id}`}
        size="small"
        loading={items.loading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        locale={{ emptyText: window === 'overdue' ? 'Просроченных сроков нет' : 'В этом окне сроков нет' }}
        expandable={{ rowExpandable: (x) => x.dates.length > 1, expandedRowRender: (x) => <DatesOf item={x} /> }}
        onChange={(_p, _f, sorter) => {
          const s = Array.isArray(sorter) ? sorter[0] : sorter;
          // A third click on a header clears antd's sort: the list goes back to its order by date.
          setSort(s?.order && s.columnKey ? { by: s.columnKey as DueSortKey, order: s.order } : { by: 'due', order: 'ascend' });
        }}
        onRow={(x) =>
          ({
            onClick: () =>
              x.source === 'measure' ? go('roadmaps', x.roadmapId, 'plan', x.id) : go('meetings', x.meetingId, 'decision', x.id),
            style: { cursor: 'pointer' },
            'data-testid': 'due-row',
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            title: 'Срок',
            key: 'due',
            width: 100,
            sorter: true,
            sortOrder: sortOrderOf('due'),
            render: (_, x) => (
              <Typography.Text type={x.overdue ? 'danger' : undefined} strong={x.overdue}>
                {formatDate(x.due)}
              </Typography.Text>
            ),
          },
          { title: '№', dataIndex: 'number', width: 50 },
          // The name is what a methodist reads: the other columns are sized so that at 1366 px it keeps ~300 px.
          {
            title: 'Мероприятие / решение',
            dataIndex: 'name',
            render: (t: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0 }}>
                {t}
              </Typography.Paragraph>
            ),
          },
          {
            // Two lines and the whole name in a tooltip: «План мероприятий («дорожная карта»)…» of 2022 and of 2023 differ at the end.
            title: 'Карта / протокол',
            key: 'origin',
            dataIndex: 'origin',
            width: 170,
            sorter: true,
            sortOrder: sortOrderOf('origin'),
            render: (t: string) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0, fontSize: 12 }}>
                {t}
              </Typography.Paragraph>
            ),
          },
          {
            title: 'Срок как написан',
            width: 170,
            render: (_, x) =>
              x.summary ? (
                <span data-testid="due-summary" style={{ color: x.overdue ? '#cf1322' : undefined }}>
                  {x.summary}
                </span>
              ) : (
                x.term
              ),
          },
          {
            title: 'Исполнители',
            key: 'executors',
            dataIndex: 'executors',
            width: 140,
            ellipsis: true,
            sorter: true,
            sortOrder: sortOrderOf('executors'),
          },
          {
            title: 'Отметка',
            key: 'status',
            width: 160,
            sorter: true,
            sortOrder: sortOrderOf('status'),
            render: (_, x) => (
              <>
                <StatusTag status={x.status} quarter={x.quarter} />
                {x.source === 'decision' && <DecisionMarkButton decisionId={x.id} onMarked={() => void items.reload()} />}
              </>
            ),
          },
        ]}
      />
    </>
  );
}

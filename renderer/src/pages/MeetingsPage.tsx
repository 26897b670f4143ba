/** Meetings of the working group and their protocols: agenda items with «Слушали», «Выступили», «Решили». */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { DATE_FORMAT, formatDate, fromDayjs, toDayjs } from '../format';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { differing, useVersionedSave } from '../stale';
import { useUnsavedGuard } from '../unsaved';
import { DecisionMarkButton, DecisionStateTag } from './DecisionMark';
import { DocumentButton } from './DocumentDialog';
import { LiveTermHint } from './TermHint';
import { LIMITS, limitRule, limited } from '../limits';
import { DateInput } from '../DateInput';

type Summary = ApiOutput<'meetings.list'>[number];
type Meeting = ApiOutput<'meetings.get'>;
type MeetingForm = Omit<Meeting, 'id' | 'date' | 'updatedAt' | 'version'> & { date: Dayjs };

export function MeetingsPage({
  meetingId,
  creating,
  decisionId = null,
}: {
  meetingId: number | null;
  creating: boolean;
  decisionId?: number | null;
}) {
  if (meetingId) return <MeetingEditor key={meetingId} meetingId={meetingId} focusDecisionId={decisionId} />;
  if (creating) return <MeetingEditor key="new" meetingId={null} />;
  return <MeetingList />;
}

/** A meeting not saved yet: nothing is in the database until «Сохранить протокол». */
async function blankMeeting(): Promise<Meeting> {
  const list = await call('meetings.list');
  const today = dayjs().format('YYYY-MM-DD');
  return {
    id: 0,
    date: today,
    number: String(list.length + 1),
    place: '',
    chairId: null,
    secretaryId: null,
    attendeeIds: [],
    invitedIds: [],
    agenda: [],
    updatedAt: '',
    version: 0,
  };
}

function MeetingList() {
  const list = useLoad(() => call('meetings.list'), []);
  const create = () => go('meetings', null, 'new');
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Заседания рабочей группы
        </Typography.Title>
        <Button type="primary" onClick={create}>
          Новое заседание
        </Button>
      </Space>
      <Table<Summary>
        rowKey="id"
        size="middle"
        dataSource={list.data}
        pagination={false}
        locale={{ emptyText: 'Заседаний пока нет' }}
        onRow={(m) => ({ onClick: () => go('meetings', m.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Протокол №', dataIndex: 'number', width: 120 },
          { title: 'Дата', width: 120, render: (_, m) => formatDate(m.date) },
          { title: 'Место', dataIndex: 'place' },
          { title: 'Вопросов', dataIndex: 'items', width: 100 },
          { title: 'Решений', dataIndex: 'decisions', width: 100 },
        ]}
      />
    </>
  );
}

function MeetingEditor({ meetingId, focusDecisionId = null }: { meetingId: number | null; focusDecisionId?: number | null }) {
  const meeting = useLoad(() => (meetingId ? call('meetings.get', { id: meetingId }) : blankMeeting()), [meetingId]);
  // Done / overdue of the saved decisions, by the rule «Сроки» uses; reloaded after a mark or a save.
  const savedDecisionIds = (meeting.data?.agenda ?? []).flatMap((a) => a.decisions.map((d) => d.id));
  const states = useLoad(
    () =>
      savedDecisionIds.length
        ? call('decisions.states', { decisionIds: savedDecisionIds, today: dayjs().format('YYYY-MM-DD') })
        : Promise.resolve([]),
    [savedDecisionIds.join(',')],
  );
  const stateOf = (id: number | undefined) => states.data?.find((s) => s.decisionId === id);
  // Opened from «Сроки» (#/meetings/3/decision/12): the decision is scrolled to and highlighted.
  useEffect(() => {
    if (!focusDecisionId || !meeting.data) return;
    const el = document.querySelector(`[data-decision-id="${focusDecisionId}"]`);
    el?.scrollIntoView({ block: 'center' });
  }, [focusDecisionId, meeting.data]);
  const dir = useDirectory();
  const act = useAction();
  const saveVersioned = useVersionedSave();
  const [form] = Form.useForm<MeetingForm>();

  const save = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    const values = {
      ...v,
      date: fromDayjs(v.date),
      attendeeIds: v.attendeeIds ?? [],
      invitedIds: v.invitedIds ?? [],
      chairId: v.chairId ?? null,
      secretaryId: v.secretaryId ?? null,
      agenda: (v.agenda ?? []).map((a) => ({
        id: a.id,
        title: a.title,
        heard: a.heard ?? '',
        spoke: a.spoke ?? '',
        decisions: (a.decisions ?? []).map((d) => ({
          id: d.id,
          text: d.text,
          responsibleId: d.responsibleId ?? null,
          responsibleText: d.responsibleText ?? '',
          term: d.term ?? '',
        })),
      })),
    };
    if (meetingId === null) {
      // «Новое заседание» is created by its first save, then opened at its own address.
      let savedId = 0;
      const ok = await act(async () => {
        savedId = (await call('meetings.save', { id: null, values })).id;
      }, 'Протокол сохранён');
      if (!ok) return false;
      guard.markClean();
      go('meetings', savedId);
      return true;
    }
    // «Обновить» reloads the meeting: the form is keyed by its updatedAt, so it shows the newer protocol.
    const saved = await saveVersioned(
      (expectedVersion) => call('meetings.save', { id: meetingId, values, expectedVersion }),
      meeting.data!.version,
      {
        success: 'Протокол сохранён',
        onReload: meeting.reload,
        compare: async () => {
          const saved = await call('meetings.get', { id: meetingId });
          const items = (agenda: { title: string; heard: string; spoke: string }[]) =>
            agenda.map((a, i) => `${i + 1}. ${a.title}`).join('\n');
          const texts = (agenda: { heard: string; spoke: string }[], key: 'heard' | 'spoke') => agenda.map((a) => a[key]).join('\n');
          const decisions = (agenda: { decisions: { text: string; term: string }[] }[]) =>
            agenda.flatMap((a, i) => a.decisions.map((d, j) => `${i + 1}.${j + 1}. ${d.text}${d.term ? ` (${d.term})` : ''}`)).join('\n');
          return differing([
            ['Дата', formatDate(saved.date), formatDate(values.date)],
            ['Номер', saved.number, values.number],
            ['Место', saved.place, values.place],
            ['Председатель', dir.personName(saved.chairId), dir.personName(values.chairId)],
            ['Секретарь', dir.personName(saved.secretaryId), dir.personName(values.secretaryId)],
            ['Повестка', items(saved.agenda), items(values.agenda)],
            ['Слушали', texts(saved.agenda, 'heard'), texts(values.agenda, 'heard')],
            ['Выступили', texts(saved.agenda, 'spoke'), texts(values.agenda, 'spoke')],
            ['Решили', decisions(saved.agenda), decisions(values.agenda)],
          ]);
        },
      },
    );
    if (!saved) return false;
    guard.markClean();
    void meeting.reload();
    return true;
  };
  const guard = useUnsavedGuard({ form, active: meeting.data !== undefined, openedWith: meeting.data?.updatedAt, save });

  if (meeting.error) return <Typography.Text type="danger">{meeting.error}</Typography.Text>;
  if (!meeting.data) return null;
  const m = meeting.data;

  return (
    <>
      <Breadcrumb
        items={[
          { title: <a onClick={() => go('meetings')}>Заседания</a> },
          { title: meetingId === null ? 'Новое заседание' : `Протокол № ${m.number} от ${formatDate(m.date)}` },
        ]}
      />
      <Form
        key={`${m.version}:${m.updatedAt}`}
        form={form}
        layout="vertical"
        initialValues={{ ...m, date: toDayjs(m.date) }}
        onFinish={() => void save()}
        style={{ maxWidth: 1100, marginTop: 8 }}
      >
        <Card size="small" title="Заседание">
          <Space wrap>
            <Form.Item name="number" label="Номер протокола" rules={[limitRule(LIMITS.short)]}>
              <Input style={{ width: 120 }} {...limited(LIMITS.short)} />
            </Form.Item>
            <Form.Item name="date" label="Дата" rules={[{ required: true, message: 'Укажите дату' }]}>
              <DateInput format={DATE_FORMAT} />
            </Form.Item>
            <Form.Item name="place" label="Место" rules={[limitRule(LIMITS.short)]}>
              <Input style={{ width: 460 }} {...limited(LIMITS.short)} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="chairId" label="Председатель">
              <Select allowClear style={{ width: 360 }} showSearch={{ filterOption: selectFilter }} options={dir.personOptions} />
            </Form.Item>
            <Form.Item name="secretaryId" label="Секретарь">
              <Select allowClear style={{ width: 360 }} showSearch={{ filterOption: selectFilter }} options={dir.personOptions} />
            </Form.Item>
          </Space>
          <Form.Item name="attendeeIds" label="Присутствовали">
            <Select mode="multiple" allowClear showSearch={{ filterOption: selectFilter }} options={dir.personOptions} />
          </Form.Item>
          <Form.Item name="invitedIds" label="Приглашённые">
            <Select mode="multiple" allowClear showSearch={{ filterOption: selectFilter }} options={dir.personOptions} />
          </Form.Item>
        </Card>
        <Form.List name="agenda">
          {(items, { add, remove, move }) => (
            <>
              {items.map((item, i) => (
                <Card
                  key={item.key}
                  size="small"
                  style={{ marginTop: 12 }}
                  title={`Вопрос ${i + 1}`}
                  extra={
                    <Space>
                      <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                        Выше
                      </Button>
                      <Button size="small" disabled={i === items.length - 1} onClick={() => move(i, i + 1)}>
                        Ниже
                      </Button>
                      <Popconfirm
                        title="Удалить вопрос повестки вместе с решениями?"
                        okText="Удалить"
                        cancelText="Отмена"
                        onConfirm={() => remove(i)}
                      >
                        <Button size="small" danger icon={<DeleteOutlined />} aria-label="Удалить вопрос" />
                      </Popconfirm>
                    </Space>
                  }
                >
                  <Form.Item name={[item.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'title']}
                    label="Вопрос повестки"
                    rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите вопрос' }]}
                  >
                    <Input.TextArea autoSize {...limited(LIMITS.medium)} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'heard']} label="Слушали" rules={[limitRule(LIMITS.long)]}>
                    <Input.TextArea autoSize={{ minRows: 2 }} {...limited(LIMITS.long)} />
                  </Form.Item>
                  <Form.Item name={[item.name, 'spoke']} label="Выступили" rules={[limitRule(LIMITS.long)]}>
                    <Input.TextArea autoSize {...limited(LIMITS.long)} />
                  </Form.Item>
                  <Typography.Text strong>Решили:</Typography.Text>
                  <Form.List name={[item.name, 'decisions']}>
                    {(decs, d) => (
                      <>
                        {decs.map((dec, j) => {
                          const decisionId = form.getFieldValue(['agenda', item.name, 'decisions', dec.name, 'id']) as number | undefined;
                          const focused = decisionId !== undefined && decisionId === focusDecisionId;
                          return (
                            <Space
                              key={dec.key}
                              align="start"
                              wrap
                              data-decision-id={decisionId}
                              data-testid={focused ? 'decision-focused' : undefined}
                              style={{
                                display: 'flex',
                                marginTop: 8,
                                ...(focused ? { background: '#fffbe6', outline: '2px solid #faad14', borderRadius: 4 } : {}),
                              }}
                            >
                              <span style={{ width: 36, display: 'inline-block', paddingTop: 5 }}>
                                {i + 1}.{j + 1}.
                              </span>
                              <Form.Item name={[dec.name, 'id']} hidden>
                                <Input />
                              </Form.Item>
                              <Form.Item
                                name={[dec.name, 'text']}
                                rules={[limitRule(LIMITS.long), { required: true, whitespace: true, message: 'Текст решения' }]}
                                style={{ width: 420 }}
                              >
                                <Input.TextArea autoSize placeholder="Решение" {...limited(LIMITS.long)} />
                              </Form.Item>
                              <Form.Item name={[dec.name, 'responsibleId']} style={{ width: 220 }}>
                                <Select
                                  allowClear
                                  placeholder="Ответственный"
                                  showSearch={{ filterOption: selectFilter }}
                                  options={dir.personOptions}
                                />
                              </Form.Item>
                              <Form.Item name={[dec.name, 'responsibleText']} style={{ width: 180 }} rules={[limitRule(LIMITS.medium)]}>
                                <Input placeholder="или текстом" {...limited(LIMITS.medium)} />
                              </Form.Item>
                              <Form.Item noStyle shouldUpdate>
                                {() => (
                                  <Form.Item
                                    name={[dec.name, 'term']}
                                    style={{ width: 190 }}
                                    extra={
                                      <LiveTermHint
                                        text={form.getFieldValue(['agenda', item.name, 'decisions', dec.name, 'term'])}
                                        scope={{ meetingDate: fromDayjs(form.getFieldValue('date') ?? dayjs()) }}
                                      />
                                    }
                                    rules={[limitRule(LIMITS.medium)]}
                                  >
                                    <Input placeholder="Срок" {...limited(LIMITS.medium)} />
                                  </Form.Item>
                                )}
                              </Form.Item>
                              <Button danger icon={<DeleteOutlined />} onClick={() => d.remove(j)} aria-label="Удалить решение" />
                              {decisionId !== undefined && (
                                <div style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
                                  <DecisionMarkButton
                                    decisionId={decisionId}
                                    state={stateOf(decisionId)}
                                    onMarked={() => void states.reload()}
                                  />
                                  <DecisionStateTag state={stateOf(decisionId)} />
                                </div>
                              )}
                            </Space>
                          );
                        })}
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() => d.add({ text: '', responsibleId: null, responsibleText: '', term: '' })}
                          style={{ marginTop: 8 }}
                        >
                          Решение
                        </Button>
                      </>
                    )}
                  </Form.List>
                </Card>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ title: '', heard: '', spoke: '', decisions: [] })}
                style={{ marginTop: 12 }}
              >
                Вопрос повестки
              </Button>
            </>
          )}
        </Form.List>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit">
            Сохранить протокол
          </Button>
          {meetingId !== null && <DocumentButton request={{ kind: 'protocol', meetingId }} />}
          {meetingId !== null && (
            <Popconfirm
              title="Удалить заседание с протоколом и решениями?"
              description="Оно попадёт в корзину: его можно будет восстановить вместе с решениями и отметками исполнения."
              okText="Удалить"
              cancelText="Отмена"
              onConfirm={() =>
                act(() => call('meetings.delete', { id: meetingId }), 'Заседание перемещено в корзину').then((ok) => ok && go('meetings'))
              }
            >
              <Button danger>Удалить заседание</Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </>
  );
}

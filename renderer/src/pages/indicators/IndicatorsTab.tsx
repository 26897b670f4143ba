/**
 * A roadmap's «Показатели» tab: the list of its indicators (add, edit, delete to the bin, reorder,
 * «Заполнить из паспорта» with a preview of the rows first), and for the chosen indicator the grid of
 * values by school and year with its trend chart; «Загрузить из Excel…» opens the import of values
 * (IndicatorImportDialog) and reads the board again after it.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { call } from '../../api';
import { useDirectory } from '../../directory';
import { IndicatorImportDialog } from '../IndicatorImportDialog';
import { useAction, useLoad } from '../../hooks';
import { limited, limitRule, LIMITS } from '../../limits';
import { confirmLeave, useUnsavedGuard } from '../../unsaved';
import { indicatorsFromText } from '../../../../shared/indicator-text';
import {
  INDICATOR_DIRECTION_LABELS,
  INDICATOR_DIRECTIONS,
  INDICATOR_SOURCE_LABELS,
  INDICATOR_SOURCES,
  INDICATOR_UNIT_LABELS,
  INDICATOR_UNITS,
  INDICATOR_YEAR_KINDS,
  type IndicatorDirection,
  type IndicatorSource,
  type IndicatorUnit,
  type IndicatorYearKind,
} from '../../../../shared/labels';
import { IndicatorChart } from './IndicatorChart';
import { IndicatorGrid, type BoardIndicator } from './IndicatorGrid';

interface IndicatorForm {
  name: string;
  unit: IndicatorUnit;
  direction: IndicatorDirection;
  source: IndicatorSource;
  yearKind: IndicatorYearKind;
}
const EMPTY: IndicatorForm = { name: '', unit: 'percent', direction: 'higher', source: 'other', yearKind: 'calendar' };
const YEAR_KIND_LABELS: Record<IndicatorYearKind, string> = { calendar: 'календарные (2024)', school: 'учебные (2024/2025)' };
const options = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((value) => ({ value, label: labels[value] }));
/** The same comparison as db/indicators.ts: a name already in the list is not added again. */
const nameKey = (name: string) => name.toLowerCase().replace(/ё/g, 'е');

export function IndicatorsTab(props: { roadmapId: number; passportText: string }) {
  const { roadmapId } = props;
  const board = useLoad(() => call('indicators.board', { roadmapId }), [roadmapId]);
  const [importOpen, setImportOpen] = useState(false);
  const dir = useDirectory();
  const act = useAction();
  const { message } = App.useApp();
  const [chosenId, setChosenId] = useState<number | null>(null);
  const [chartSchool, setChartSchool] = useState<number | null>(null);
  const [editing, setEditing] = useState<BoardIndicator | 'new' | null>(null);
  const [previewOpen, setPreviewOpen] = useState(false);
  /** Bumped on every reload: the grid starts afresh from the saved values. */
  const [loadCount, setLoadCount] = useState(0);
  const [form] = Form.useForm<IndicatorForm>();

  const indicators = useMemo(() => board.data?.indicators ?? [], [board.data]);
  const chosen = indicators.find((i) => i.id === chosenId) ?? indicators[0];
  const reload = async () => {
    await board.reload();
    setLoadCount((n) => n + 1);
  };
  const choose = async (id: number) => {
    if (id === chosen?.id) return;
    if (await confirmLeave()) {
      setChosenId(id);
      setChartSchool(null);
    }
  };

  const open = (i: BoardIndicator | 'new') => {
    setEditing(i);
    form.setFieldsValue(
      i === 'new' ? EMPTY : { name: i.name, unit: i.unit, direction: i.direction, source: i.source, yearKind: i.yearKind },
    );
  };
  const saveIndicator = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    const ok =
      editing === 'new'
        ? await act(async () => setChosenId((await call('indicators.create', { roadmapId, values: v })).id), 'Индикатор добавлен')
        : await act(
            () =>
              call('indicators.update', {
                id: (editing as BoardIndicator).id,
                values: v,
                expectedVersion: (editing as BoardIndicator).version,
              }),
            'Сохранено',
          );
    if (ok) {
      editGuard.markClean();
      setEditing(null);
      await reload();
    }
    return ok;
  };
  const editGuard = useUnsavedGuard({ form, active: editing !== null, openedWith: editing, save: saveIndicator });

  const drafts = useMemo(() => {
    const have = new Set(indicators.map((i) => nameKey(i.name)));
    return indicatorsFromText(props.passportText).filter((d) => !have.has(nameKey(d.name)));
  }, [indicators, props.passportText]);

  const schoolNames = useMemo(() => dir.schools.map((s) => ({ id: s.id, name: s.shortName || s.name })), [dir.schools]);

  if (board.error) return <Typography.Text type="danger">{board.error}</Typography.Text>;
  return (
    <div data-testid="indicators-tab">
      <Space wrap style={{ marginBottom: 6 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
          Добавить индикатор
        </Button>
        <Button onClick={() => setPreviewOpen(true)}>Заполнить из паспорта</Button>
        <Button onClick={() => setImportOpen(true)}>Загрузить из Excel…</Button>
      </Space>
      <IndicatorImportDialog roadmapId={roadmapId} open={importOpen} onClose={() => setImportOpen(false)} onDone={() => board.reload()} />
      <div data-testid="indicator-list">
        <Table<BoardIndicator>
          rowKey="id"
          size="small"
          loading={board.loading && !board.data}
          dataSource={indicators}
          pagination={false}
          scroll={indicators.length > 6 ? { y: 190 } : undefined}
          locale={{ emptyText: <Empty description="Индикаторов пока нет: добавьте их или заполните из паспорта" /> }}
          rowClassName={(i) => (i.id === chosen?.id ? 'ant-table-row-selected' : '')}
          onRow={(i) => ({ onClick: () => void choose(i.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '№', width: 44, render: (_, __, n) => n + 1 },
            { title: 'Индикатор', dataIndex: 'name' },
            { title: 'Ед. изм.', width: 80, render: (_, i) => INDICATOR_UNIT_LABELS[i.unit] },
            { title: 'Направление', width: 140, render: (_, i) => INDICATOR_DIRECTION_LABELS[i.direction] },
            { title: 'Источник', width: 170, render: (_, i) => INDICATOR_SOURCE_LABELS[i.source] },
            {
              title: '',
              width: 150,
              render: (_, i, n) => (
                <Space size={2} onClick={(e) => e.stopPropagation()}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    aria-label="Выше"
                    disabled={n === 0}
                    onClick={() => void act(() => call('indicators.move', { id: i.id, direction: 'up' })).then(reload)}
                  />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label="Ниже"
                    disabled={n === indicators.length - 1}
                    onClick={() => void act(() => call('indicators.move', { id: i.id, direction: 'down' })).then(reload)}
                  />
                  <Button size="small" type="text" icon={<EditOutlined />} aria-label="Изменить индикатор" onClick={() => open(i)} />
                  <Popconfirm
                    title={`Удалить индикатор «${i.name}»?`}
                    description="Он попадёт в корзину вместе со всеми значениями; его можно будет восстановить."
                    okText="Удалить"
                    cancelText="Отмена"
                    onConfirm={() => act(() => call('indicators.delete', { id: i.id }), 'Индикатор перемещён в корзину').then(reload)}
                  >
                    <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label="Удалить индикатор" />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </div>
      {chosen && board.data && (
        <section style={{ marginTop: 10 }} aria-label={`Значения: ${chosen.name}`} data-testid="indicator-values">
          <Typography.Title level={5} style={{ margin: '0 0 6px' }}>
            {chosen.name}, {INDICATOR_UNIT_LABELS[chosen.unit]} ({INDICATOR_DIRECTION_LABELS[chosen.direction]})
          </Typography.Title>
          <IndicatorGrid
            key={`${chosen.id}:${loadCount}`}
            indicator={chosen}
            schools={board.data.schools}
            allSchools={schoolNames}
            onSaved={() => {
              void message.success('Значения сохранены');
              void reload();
            }}
          />
          <div style={{ marginTop: 10, maxWidth: 720 }}>
            <Space style={{ marginBottom: 4 }}>
              <Typography.Text strong>Динамика</Typography.Text>
              <Select
                size="small"
                allowClear
                placeholder="Школа на графике"
                aria-label="Школа на графике"
                style={{ width: 220 }}
                value={chartSchool}
                onChange={(v: number | undefined) => setChartSchool(v ?? null)}
                options={chosen.lines.filter((l) => l.schoolId !== null).map((l) => ({ value: l.schoolId!, label: l.school }))}
              />
            </Space>
            <IndicatorChart indicator={chosen} schoolId={chartSchool} />
          </div>
        </section>
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? 'Новый индикатор' : 'Изменить индикатор'}
        okText="Сохранить"
        cancelText="Отмена"
        onOk={() => void saveIndicator()}
        onCancel={() => void editGuard.close(() => setEditing(null))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="name"
            label="Название"
            rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите название индикатора' }]}
          >
            <Input.TextArea autoSize {...limited(LIMITS.medium)} aria-label="Название" />
          </Form.Item>
          <Space wrap>
            <Form.Item name="unit" label="Ед. изм.">
              <Select style={{ width: 120 }} options={options(INDICATOR_UNITS, INDICATOR_UNIT_LABELS)} />
            </Form.Item>
            <Form.Item name="direction" label="Направление">
              <Select style={{ width: 170 }} options={options(INDICATOR_DIRECTIONS, INDICATOR_DIRECTION_LABELS)} />
            </Form.Item>
            <Form.Item name="source" label="Источник">
              <Select style={{ width: 200 }} options={options(INDICATOR_SOURCES, INDICATOR_SOURCE_LABELS)} />
            </Form.Item>
            <Form.Item name="yearKind" label="Годы">
              <Select style={{ width: 190 }} options={options(INDICATOR_YEAR_KINDS, YEAR_KIND_LABELS)} />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
      <Modal
        open={previewOpen}
        width={820}
        title="Заполнить из паспорта"
        okText={`Добавить ${drafts.length}`}
        cancelText="Отмена"
        okButtonProps={{ disabled: drafts.length === 0 }}
        onCancel={() => setPreviewOpen(false)}
        onOk={() =>
          void act(() => call('indicators.fromPassport', { roadmapId }), `Добавлено индикаторов: ${drafts.length}`).then(async (ok) => {
            if (!ok) return;
            setPreviewOpen(false);
            await reload();
          })
        }
      >
        {drafts.length === 0 ? (
          <Typography.Paragraph>
            В поле паспорта «Комплекс индикаторов» нет новых индикаторов
            {props.passportText.trim() ? ': все они уже в списке.' : ' (поле пустое).'}
          </Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph>
              Из поля паспорта «Комплекс индикаторов» будут добавлены строки (единицу, направление и источник потом можно поправить):
            </Typography.Paragraph>
            <Table
              data-testid="passport-preview"
              size="small"
              rowKey="name"
              pagination={false}
              scroll={{ y: 360 }}
              dataSource={drafts}
              columns={[
                { title: 'Индикатор', dataIndex: 'name' },
                { title: 'Ед. изм.', width: 80, render: (_, d) => INDICATOR_UNIT_LABELS[d.unit] },
                { title: 'Направление', width: 140, render: (_, d) => INDICATOR_DIRECTION_LABELS[d.direction] },
                { title: 'Источник', width: 150, render: (_, d) => INDICATOR_SOURCE_LABELS[d.source] },
              ]}
            />
          </>
        )}
      </Modal>
    </div>
  );
}

/** The roadmap's passport and parameters: title, level, period, column captions, passport fields. */
import { Button, Card, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { type Directory, selectFilter } from '../directory';
import { DATE_FORMAT, formatPeriod, fromDayjs, toDayjs } from '../format';
import { differing, useVersionedSave } from '../stale';
import { useUnsavedGuard } from '../unsaved';
import { LIMITS, limitRule, limited } from '../limits';
import { RenumberDialog } from './RenumberDialog';
import { ROADMAP_LEVELS, ROADMAP_LEVEL_LABELS } from '../../../shared/labels';

type Roadmap = ApiOutput<'roadmaps.get'>;

const PASSPORT: { name: keyof Roadmap; label: string }[] = [
  { name: 'coordinator', label: 'Координатор' },
  { name: 'goal', label: 'Цель' },
  { name: 'tasks', label: 'Задачи' },
  { name: 'directions', label: 'Направления реализации' },
  { name: 'indicators', label: 'Комплекс индикаторов' },
  { name: 'expectedResults', label: 'Ожидаемые результаты' },
  { name: 'basisDocuments', label: 'Основание (документы)' },
];

const CAPTIONS: { name: keyof Roadmap['captions']; label: string }[] = [
  { name: 'number', label: 'Номер' },
  { name: 'name', label: 'Мероприятие' },
  { name: 'term', label: 'Срок' },
  { name: 'executors', label: 'Исполнители' },
  { name: 'result', label: 'Результат / показатель' },
];

export function PassportForm({ roadmap, dir, onSaved }: { roadmap: Roadmap; dir: Directory; onSaved: () => void }) {
  const [form] = Form.useForm();
  const saveVersioned = useVersionedSave();
  const level = Form.useWatch('level', form) as string | undefined;
  const [renumbering, setRenumbering] = useState(false);
  const save = async (): Promise<boolean> => {
    const v = (await form.validateFields().catch(() => null)) as (Record<string, unknown> & { period: [Dayjs, Dayjs] }) | null;
    if (!v) return false;
    const { period, ...rest } = v;
    const values = {
      ...rest,
      schoolId: rest.level === 'school' ? ((rest.schoolId as number | undefined) ?? null) : null,
      periodStart: fromDayjs(period[0]),
      periodEnd: fromDayjs(period[1]),
    };
    const saved = await saveVersioned(
      (expectedVersion) => call('roadmaps.update', { id: roadmap.id, values: values as never, expectedVersion }),
      roadmap.version,
      {
        success: 'Паспорт сохранён',
        onReload: onSaved,
        compare: async () => {
          const saved = await call('roadmaps.get', { id: roadmap.id });
          const text = (x: unknown) => (typeof x === 'string' ? x : '');
          const typed = values as Record<string, unknown>;
          return differing([
            ['Название', saved.title, text(typed.title)],
            ['Период', formatPeriod(saved.periodStart, saved.periodEnd), formatPeriod(values.periodStart, values.periodEnd)],
            ['Отметка о приложении', saved.appendixMark, text(typed.appendixMark)],
            ...PASSPORT.map((f): [string, string, string] => [f.label, text(saved[f.name]), text(typed[f.name])]),
          ]);
        },
      },
    );
    if (saved) {
      guard.markClean();
      onSaved();
    }
    return Boolean(saved);
  };
  const guard = useUnsavedGuard({ form, save, discard: () => form.resetFields() });
  // A new version of the roadmap (saved here, or loaded by «Обновить») replaces what the form shows;
  // plan edits do not change the roadmap's version, so typing in the passport survives them.
  useEffect(() => {
    form.setFieldsValue({ ...roadmap, period: [toDayjs(roadmap.periodStart), toDayjs(roadmap.periodEnd)] });
    guard.markClean();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [roadmap.version, form]);
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 960 }}
      initialValues={{ ...roadmap, period: [toDayjs(roadmap.periodStart), toDayjs(roadmap.periodEnd)] }}
      onFinish={save}
    >
      <Card size="small" title="Параметры">
        <Form.Item
          name="title"
          label="Название"
          rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите название' }]}
        >
          <Input.TextArea autoSize {...limited(LIMITS.medium)} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="level" label="Уровень">
            <Select style={{ width: 200 }} options={ROADMAP_LEVELS.map((value) => ({ value, label: ROADMAP_LEVEL_LABELS[value] }))} />
          </Form.Item>
          {level === 'school' && (
            <Form.Item name="schoolId" label="Школа" rules={[{ required: true, message: 'Выберите школу' }]}>
              <Select
                style={{ width: 260 }}
                showSearch={{ filterOption: selectFilter }}
                options={dir.schools.map((s) => ({ value: s.id, label: s.shortName || s.name }))}
              />
            </Form.Item>
          )}
          <Form.Item name="period" label="Период" rules={[{ required: true, message: 'Укажите период' }]}>
            <DatePicker.RangePicker format={DATE_FORMAT} />
          </Form.Item>
          <Form.Item
            name="autoNumber"
            label="Нумеровать автоматически"
            valuePropName="checked"
            tooltip="Выключите, чтобы сохранить номера как в исходном документе"
          >
            {/* Switching on rewrites printed numbers: it goes through the preview, never through «Сохранить». */}
            <AutoNumberSwitch numbersItself={roadmap.autoNumber} onTurnOn={() => setRenumbering(true)} />
          </Form.Item>
        </Space>
        <Form.Item
          name="appendixMark"
          label="Отметка о приложении из исходного документа"
          tooltip="Печатается в правом верхнем углу приложения, если карту не утверждает приказ в программе (тогда печатается отметка приказа)"
          rules={[limitRule(LIMITS.medium)]}
        >
          <Input.TextArea
            autoSize
            placeholder="Например: Приложение 1 к Муниципальной программе …"
            {...limited(LIMITS.medium)}
            data-testid="passport-appendix-mark"
          />
        </Form.Item>
      </Card>
      <Card size="small" title="Заголовки столбцов (как в документах района)" style={{ marginTop: 12 }}>
        <Space wrap>
          {CAPTIONS.map((c) => (
            <Form.Item
              key={c.name}
              name={['captions', c.name]}
              label={c.label}
              rules={[limitRule(LIMITS.short), { required: true, whitespace: true, message: 'Нужен заголовок' }]}
            >
              <Input style={{ width: 170 }} {...limited(LIMITS.short)} />
            </Form.Item>
          ))}
        </Space>
      </Card>
      <Card size="small" title="Паспорт" style={{ marginTop: 12 }}>
        {PASSPORT.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} rules={[limitRule(LIMITS.long)]}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} {...limited(LIMITS.long)} />
          </Form.Item>
        ))}
      </Card>
      <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>
        Сохранить паспорт
      </Button>
      <RenumberDialog
        roadmapId={roadmap.id}
        open={renumbering}
        onCancel={() => setRenumbering(false)}
        onDone={() => {
          setRenumbering(false);
          onSaved();
        }}
      />
    </Form>
  );
}

function AutoNumberSwitch({
  checked,
  onChange,
  numbersItself,
  onTurnOn,
}: {
  checked?: boolean;
  onChange?: (v: boolean) => void;
  numbersItself: boolean;
  onTurnOn: () => void;
}) {
  return <Switch checked={checked} onChange={(v) => (v && !numbersItself ? onTurnOn() : onChange?.(v))} />;
}

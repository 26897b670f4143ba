/** «Новая дорожная карта» and «Импорт из Word / Excel…»: on the list of roadmaps and on the start page's third step. */
import { Button, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { DATE_FORMAT, fromDayjs } from '../format';
import { useAction } from '../hooks';
import { go } from '../route';
import { useUnsavedGuard } from '../unsaved';
import { ImportDialog } from './ImportDialog';
import { LIMITS, limitRule, limited } from '../limits';
import { ROADMAP_LEVELS, ROADMAP_LEVEL_LABELS, type RoadmapLevel } from '../../../shared/labels';

interface NewRoadmap {
  title: string;
  level: RoadmapLevel;
  schoolId: number | null;
  period: [Dayjs, Dayjs];
}

export function NewRoadmapButtons() {
  const dir = useDirectory();
  const act = useAction();
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [form] = Form.useForm<NewRoadmap>();
  const level = Form.useWatch('level', form);

  const create = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    let id = 0;
    const ok = await act(async () => {
      id = (
        await call('roadmaps.create', {
          title: v.title,
          level: v.level,
          schoolId: v.level === 'school' ? (v.schoolId ?? null) : null,
          periodStart: fromDayjs(v.period[0]),
          periodEnd: fromDayjs(v.period[1]),
        })
      ).id;
    });
    if (ok) {
      guard.markClean();
      setCreating(false);
      go('roadmaps', id, 'plan');
    }
    return ok;
  };
  const guard = useUnsavedGuard({ form, active: creating, save: create });

  return (
    <>
      <Button
        type="primary"
        onClick={() => {
          form.resetFields();
          setCreating(true);
        }}
      >
        Новая дорожная карта
      </Button>
      <Button onClick={() => setImporting(true)}>Импорт из Word / Excel…</Button>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      <Modal
        open={creating}
        title="Новая дорожная карта"
        okText="Создать"
        cancelText="Отмена"
        onOk={() => void create()}
        onCancel={() => void guard.close(() => setCreating(false))}
        destroyOnHidden
        width={640}
      >
        <Form form={form} layout="vertical" initialValues={{ level: 'municipal' }}>
          <Form.Item
            name="title"
            label="Название"
            rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите название' }]}
          >
            <Input.TextArea
              autoFocus
              autoSize={{ minRows: 2 }}
              {...limited(LIMITS.medium)}
              placeholder="План мероприятий («дорожная карта») по повышению качества образования … на 2024 год"
            />
          </Form.Item>
          <Form.Item name="level" label="Уровень">
            <Select options={ROADMAP_LEVELS.map((value) => ({ value, label: ROADMAP_LEVEL_LABELS[value] }))} />
          </Form.Item>
          {level === 'school' && (
            <Form.Item name="schoolId" label="Школа" rules={[{ required: true, message: 'Выберите школу' }]}>
              <Select
                showSearch={{ filterOption: selectFilter }}
                options={dir.schools.map((s) => ({ value: s.id, label: s.shortName || s.name }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="period"
            label="Период (календарный год, учебный год или несколько лет)"
            rules={[{ required: true, message: 'Укажите период' }]}
          >
            <DatePicker.RangePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

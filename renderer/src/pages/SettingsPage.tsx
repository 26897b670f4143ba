/** Settings of the department: the name block and head printed on every document, the municipal coordinator. */
import { Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { useUnsavedGuard } from '../unsaved';
import { useLoad } from '../hooks';
import { differing, useVersionedSave } from '../stale';
import { BackupsCard } from './BackupsCard';
import { SchoolCalendarCard } from './SchoolCalendarCard';
import { LIMITS, limitRule, limited } from '../limits';

type Department = ApiOutput<'settings.getDepartment'>;

export function SettingsPage() {
  const dir = useDirectory();
  const saveVersioned = useVersionedSave();
  const [form] = Form.useForm<Department>();
  const { data, reload } = useLoad(async () => ({ department: await call('settings.getDepartment'), info: await call('app.info') }), []);
  const save = async (): Promise<boolean> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return false;
    const { version: _loaded, ...fields } = values;
    const saved = await saveVersioned(
      (expectedVersion) => call('settings.setDepartment', { ...fields, coordinatorId: fields.coordinatorId ?? null, expectedVersion }),
      data?.department.version ?? 0,
      {
        success: 'Настройки сохранены',
        onReload: reload,
        compare: async () => {
          const saved = await call('settings.getDepartment');
          return differing([
            ['Полное наименование', saved.fullName, fields.fullName],
            ['Краткое наименование', saved.shortName, fields.shortName],
            ['Руководитель', saved.headName, fields.headName],
            ['Должность руководителя', saved.headPosition, fields.headPosition],
            ['Населённый пункт', saved.town, fields.town],
            ['Муниципальный координатор', dir.personName(saved.coordinatorId), dir.personName(fields.coordinatorId)],
            ['Район (для отчётов в регион)', saved.districtName, fields.districtName ?? ''],
            ['Код ОКТМО', saved.districtCode, fields.districtCode ?? ''],
          ]);
        },
      },
    );
    // The form now holds what was saved; reloading takes the new version for the next save.
    if (!saved) return false;
    guard.markClean();
    void reload();
    return true;
  };
  const guard = useUnsavedGuard({ form, active: data !== undefined, save, discard: () => data && form.setFieldsValue(data.department) });
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue(data.department);
    guard.markClean();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, form]);
  return (
    <>
      <Typography.Title level={3}>Настройки</Typography.Title>
      <Card title="Орган управления образованием" style={{ maxWidth: 800 }}>
        <Form form={form} layout="vertical" onFinish={() => void save()}>
          <Form.Item
            name="fullName"
            label="Полное наименование"
            extra="Печатается в шапке приказов и в отметке о приложении"
            rules={[limitRule(LIMITS.short)]}
          >
            <Input {...limited(LIMITS.short)} placeholder="Отдел образования администрации городского округа …" />
          </Form.Item>
          <Form.Item name="shortName" label="Краткое наименование" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} />
          </Form.Item>
          <Form.Item name="headName" label="Руководитель (ФИО)" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} placeholder="В.В. Грек" />
          </Form.Item>
          <Form.Item name="headPosition" label="Должность руководителя" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} />
          </Form.Item>
          <Form.Item name="town" label="Населённый пункт" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} placeholder="г. Карпинск" />
          </Form.Item>
          <Form.Item
            name="districtName"
            label="Район (для отчётов в регион)"
            extra="Печатается в шапке квартального отчёта и в имени его файла; по нему регион сводит отчёты районов"
            rules={[limitRule(LIMITS.short)]}
          >
            <Input {...limited(LIMITS.short)} placeholder="Ульчский район" />
          </Form.Item>
          <Form.Item
            name="districtCode"
            label="Код ОКТМО (необязательно)"
            rules={[{ pattern: /^\s*(\d{8}|\d{11})?\s*$/, message: 'Код ОКТМО — 8 или 11 цифр (или оставьте поле пустым)' }]}
          >
            <Input maxLength={11} inputMode="numeric" placeholder="08650000" style={{ maxWidth: 200 }} />
          </Form.Item>
          <Form.Item name="coordinatorId" label="Муниципальный координатор">
            <Select allowClear showSearch={{ filterOption: selectFilter }} options={dir.personOptions} placeholder="Не назначен" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            Сохранить
          </Button>
        </Form>
      </Card>
      <SchoolCalendarCard />
      {data && <BackupsCard dbPath={data.info.dbPath} readOnly={data.info.readOnly} />}
      {data && (
        <Card title="О программе" style={{ maxWidth: 800, marginTop: 16 }}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="Версия">{data.info.version}</Descriptions.Item>
            <Descriptions.Item label="Файл базы данных">{data.info.dbPath}</Descriptions.Item>
            {data.info.backupPath && <Descriptions.Item label="Копия перед обновлением">{data.info.backupPath}</Descriptions.Item>}
          </Descriptions>
        </Card>
      )}
    </>
  );
}

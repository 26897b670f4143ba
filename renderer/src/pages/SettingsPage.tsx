/** Settings of the department: the name block and head printed on every document, the municipal coordinator. */
import { Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { useUnsavedGuard } from '../unsaved';
import { useAction, useLoad } from '../hooks';
import { SchoolCalendarCard } from './SchoolCalendarCard';
import { LIMITS, limitRule, limited } from '../limits';

type Department = ApiOutput<'settings.getDepartment'>;

export function SettingsPage() {
  const dir = useDirectory();
  const act = useAction();
  const [form] = Form.useForm<Department>();
  const { data } = useLoad(async () => ({ department: await call('settings.getDepartment'), info: await call('app.info') }), []);
  const save = async (): Promise<boolean> => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return false;
    const ok = await act(() => call('settings.setDepartment', { ...values, coordinatorId: values.coordinatorId ?? null }), 'Настройки сохранены');
    if (ok) guard.markClean();
    return ok;
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
          <Form.Item name="fullName" label="Полное наименование" extra="Печатается в шапке приказов и в отметке о приложении" rules={[limitRule(LIMITS.short)]}>
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
          <Form.Item name="coordinatorId" label="Муниципальный координатор">
            <Select allowClear showSearch={{ filterOption: selectFilter }} options={dir.personOptions} placeholder="Не назначен" />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            Сохранить
          </Button>
        </Form>
      </Card>
      <SchoolCalendarCard />
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

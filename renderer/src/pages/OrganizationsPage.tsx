/** Organisations: the department, the РМК, schools (ОО) with ШНОР / ШНСУ / «500+», director and curator. */
import { Button, Checkbox, Drawer, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { useUnsavedGuard } from '../unsaved';
import { useAction } from '../hooks';
import { differing, useVersionedSave } from '../stale';
import { LIMITS, limitRule, limited } from '../limits';
import { ORGANIZATION_KIND_LABELS } from '../../../shared/labels';
import { SchoolIndicators } from './indicators/SchoolIndicators';

type Organization = ApiOutput<'organizations.list'>[number];
type OrgForm = Omit<Organization, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

const KIND_LABELS = ORGANIZATION_KIND_LABELS;

const EMPTY: OrgForm = {
  kind: 'school',
  name: '',
  shortName: '',
  isShnor: false,
  isShnsu: false,
  is500: false,
  directorId: null,
  curatorId: null,
  address: '',
  aliases: '',
};

export function OrganizationsPage() {
  const dir = useDirectory();
  const act = useAction();
  const saveVersioned = useVersionedSave();
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  /** The school whose «Показатели» are open in the drawer. */
  const [indicatorsOf, setIndicatorsOf] = useState<Organization | null>(null);
  const [form] = Form.useForm<OrgForm>();
  const kind = Form.useWatch('kind', form);

  const open = (o: Organization | 'new') => {
    setEditing(o);
    form.setFieldsValue(o === 'new' ? EMPTY : o);
  };
  /** «Обновить» after a conflict: the organisation as saved last, with the new version. */
  const reopen = async (id: number) => {
    const fresh = (await call('organizations.list')).find((o) => o.id === id);
    void dir.reload();
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const save = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    const values = { ...EMPTY, ...v };
    const ok =
      editing === 'new'
        ? await act(() => call('organizations.create', values), 'Сохранено')
        : await saveVersioned(
            (expectedVersion) => call('organizations.update', { id: (editing as Organization).id, values, expectedVersion }),
            (editing as Organization).version,
            {
              success: 'Сохранено',
              onReload: () => reopen((editing as Organization).id),
              compare: async () => {
                const saved = (await call('organizations.list')).find((o) => o.id === (editing as Organization).id);
                if (!saved) return [];
                const flags = (o: Pick<Organization, 'isShnor' | 'isShnsu' | 'is500'>) =>
                  [o.isShnor && 'ШНОР', o.isShnsu && 'ШНСУ', o.is500 && '500+'].filter(Boolean).join(', ');
                return differing([
                  ['Тип', KIND_LABELS[saved.kind], KIND_LABELS[values.kind]],
                  ['Полное название', saved.name, values.name],
                  ['Краткое название', saved.shortName, values.shortName],
                  ['Статус', flags(saved), flags(values)],
                  ['Руководитель', dir.personName(saved.directorId), dir.personName(values.directorId)],
                  ['Куратор', dir.personName(saved.curatorId), dir.personName(values.curatorId)],
                  ['Адрес', saved.address, values.address],
                  ['Другие написания', saved.aliases, values.aliases],
                ]);
              },
            },
          );
    if (ok) {
      guard.markClean();
      setEditing(null);
      void dir.reload();
    }
    return Boolean(ok);
  };
  const guard = useUnsavedGuard({ form, active: editing !== null, openedWith: editing, save });

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          Школы и организации
        </Typography.Title>
        <Button type="primary" onClick={() => open('new')}>
          Добавить организацию
        </Button>
      </Space>
      <Table<Organization>
        rowKey="id"
        size="small"
        dataSource={dir.organizations}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(o) => ({ onDoubleClick: () => open(o) })}
        columns={[
          { title: 'Тип', width: 150, render: (_, o) => KIND_LABELS[o.kind] },
          {
            title: 'Краткое название',
            width: 180,
            render: (_, o) => (
              <>
                {o.shortName}
                {o.aliases && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="org-aliases">
                    {o.aliases.split('\n').join('; ')}
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: 'Полное название', dataIndex: 'name' },
          {
            title: 'Статус',
            width: 160,
            render: (_, o) => (
              <>
                {o.isShnor && <Tag color="red">ШНОР</Tag>}
                {o.isShnsu && <Tag color="orange">ШНСУ</Tag>}
                {o.is500 && <Tag color="blue">500+</Tag>}
              </>
            ),
          },
          { title: 'Руководитель', width: 140, render: (_, o) => dir.personName(o.directorId) },
          { title: 'Куратор', width: 140, render: (_, o) => dir.personName(o.curatorId) },
          {
            title: '',
            width: 290,
            render: (_, o) => (
              <Space>
                <Button size="small" onClick={() => open(o)}>
                  Изменить
                </Button>
                {o.kind === 'school' && (
                  <Button size="small" onClick={() => setIndicatorsOf(o)}>
                    Показатели
                  </Button>
                )}
                <Popconfirm
                  title={`Удалить «${o.shortName || o.name}»?`}
                  description="Организация попадёт в корзину; её люди останутся без организации, пока её не восстановят."
                  okText="Удалить"
                  cancelText="Отмена"
                  onConfirm={() => act(() => call('organizations.delete', { id: o.id }), 'Перемещено в корзину').then(() => dir.reload())}
                >
                  <Button size="small" danger>
                    Удалить
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={indicatorsOf !== null}
        width={980}
        title={indicatorsOf ? `Показатели: ${indicatorsOf.shortName || indicatorsOf.name}` : ''}
        onClose={() => setIndicatorsOf(null)}
        destroyOnHidden
      >
        {indicatorsOf && <SchoolIndicators schoolId={indicatorsOf.id} />}
      </Drawer>
      <Modal
        open={editing !== null}
        width={640}
        title={editing === 'new' ? 'Новая организация' : 'Изменить организацию'}
        okText="Сохранить"
        cancelText="Отмена"
        onOk={() => void save()}
        onCancel={() => void guard.close(() => setEditing(null))}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="kind" label="Тип">
            <Select options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
          <Form.Item
            name="name"
            label="Полное название"
            rules={[limitRule(LIMITS.medium), { required: true, whitespace: true, message: 'Укажите название' }]}
          >
            <Input.TextArea autoSize {...limited(LIMITS.medium)} />
          </Form.Item>
          <Form.Item name="shortName" label="Краткое название" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} placeholder="МАОУ СОШ № 2" />
          </Form.Item>
          {kind === 'school' && (
            <>
              <Space size="large">
                <Form.Item name="isShnor" valuePropName="checked">
                  <Checkbox>ШНОР</Checkbox>
                </Form.Item>
                <Form.Item name="isShnsu" valuePropName="checked">
                  <Checkbox>ШНСУ</Checkbox>
                </Form.Item>
                <Form.Item name="is500" valuePropName="checked">
                  <Checkbox>Участник «500+»</Checkbox>
                </Form.Item>
              </Space>
              <Form.Item
                name="aliases"
                label="Другие написания"
                rules={[limitRule(LIMITS.medium)]}
                extra="По одному на строку: как школу пишут в столбце «Исполнители», если не по номеру и не по названию (например, «Ивановская школа»). По ним программа узнаёт школу в формах, «Сроках» и при связывании исполнителей."
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  {...limited(LIMITS.medium)}
                  placeholder={'Ивановская школа\nСОШ с. Ивановка'}
                  aria-label="Другие написания"
                />
              </Form.Item>
              <Form.Item name="curatorId" label="Куратор">
                <Select allowClear showSearch={{ filterOption: selectFilter }} options={dir.personOptions} placeholder="Не назначен" />
              </Form.Item>
            </>
          )}
          <Form.Item name="directorId" label="Руководитель">
            <Select allowClear showSearch={{ filterOption: selectFilter }} options={dir.personOptions} placeholder="Не указан" />
          </Form.Item>
          <Form.Item name="address" label="Адрес" rules={[limitRule(LIMITS.short)]}>
            <Input {...limited(LIMITS.short)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

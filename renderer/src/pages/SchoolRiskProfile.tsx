/**
 * One school on «Риски» (#/risks/ID): its risk profile for a year — each factor verified or not and
 * its level — written at once with «Сохранить профиль», beside the quarter's counts of its measures.
 */
import { Button, Form, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { useAction, useLoad } from '../hooks';
import { go } from '../route';
import { useUnsavedGuard } from '../unsaved';
import { RISK_LEVEL_LABELS, RISK_LEVELS, type RiskLevel } from '../../../shared/labels';
import { RiskCellView, type Matrix } from './RiskMatrix';

type Factor = ApiOutput<'risks.factors'>[number];
interface ProfileForm {
  levels: Record<string, RiskLevel | undefined>;
}

const LEVEL_OPTIONS = RISK_LEVELS.map((value) => ({ value, label: RISK_LEVEL_LABELS[value] }));

export function SchoolRiskProfile(props: { schoolId: number; quarter: string; matrix: Matrix | undefined; onSaved: () => void }) {
  const { schoolId, quarter } = props;
  const profile = useLoad(() => call('risks.profile', { schoolId }), [schoolId]);
  const factors = useLoad(() => call('risks.factors'), [schoolId]);
  const act = useAction();
  const [form] = Form.useForm<ProfileForm>();
  const quarterYear = Number(quarter.slice(0, 4));
  const row = props.matrix?.rows.find((r) => r.schoolId === schoolId);
  // The year shown: the profile in force for the quarter, else the quarter's own year (a new profile).
  const [year, setYear] = useState<number>(row?.year ?? quarterYear);
  useEffect(() => setYear(row?.year ?? quarterYear), [row?.year, quarterYear, schoolId]);

  const entries = useMemo(() => (profile.data?.entries ?? []).filter((e) => e.year === year), [profile.data, year]);
  const opened = useMemo(() => ({ schoolId, year, entries }), [schoolId, year, entries]);

  const save = async (): Promise<boolean> => {
    const levels = (form.getFieldValue('levels') ?? {}) as ProfileForm['levels'];
    const list = Object.entries(levels)
      .filter((e): e is [string, RiskLevel] => Boolean(e[1]))
      .map(([factorId, level]) => ({ factorId: Number(factorId), level }));
    const ok = await act(() => call('risks.setProfile', { schoolId, year, entries: list }), 'Профиль сохранён');
    if (ok) {
      await profile.reload();
      props.onSaved();
    }
    return ok;
  };
  const guard = useUnsavedGuard({ form, openedWith: opened, save });
  // After the guard's own reset (effects run in order): the loaded profile is the clean state, even
  // right after a save, when the fields the user touched still count as touched.
  useEffect(() => {
    form.setFieldsValue({
      levels: Object.fromEntries((factors.data ?? []).map((f) => [String(f.id), entries.find((e) => e.factorId === f.id)?.level])),
    });
    guard.markClean();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form, entries, factors.data]);

  const shown = (factors.data ?? []).filter((f) => !f.archived || entries.some((e) => e.factorId === f.id));
  const years = [...new Set([...(profile.data?.years ?? []), quarterYear, year])].sort((a, b) => b - a);
  return (
    <div data-testid="school-risk-profile">
      <Space style={{ marginBottom: 12 }} wrap>
        <Button onClick={() => void guard.close(() => go('risks'))}>← Все школы</Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {profile.data?.school ?? ''}
        </Typography.Title>
        {profile.data?.is500 && <Tag color="blue">«500+»</Tag>}
        <span>Год верификации:</span>
        <Select
          aria-label="Год верификации"
          style={{ width: 100 }}
          value={year}
          onChange={(y) => void guard.close(() => setYear(y))}
          options={years.map((y) => ({ value: y, label: String(y) }))}
        />
        <Button type="primary" onClick={() => void save()}>
          Сохранить профиль
        </Button>
      </Space>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        Отметьте уровень верифицированных факторов; пустой уровень — фактор не верифицирован. Справа — мероприятия школы, направленные на
        фактор, за выбранный квартал (по профилю, действующему в квартале).
      </Typography.Paragraph>
      <Form form={form} component={false}>
        <Table<Factor>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={shown}
          columns={[
            {
              title: 'Фактор риска',
              key: 'name',
              render: (_, f) => (
                <Typography.Text type={f.archived ? 'secondary' : undefined}>
                  {f.name} {f.archived && <Tag>в архиве</Tag>}
                </Typography.Text>
              ),
            },
            {
              title: 'Уровень',
              key: 'level',
              width: 190,
              render: (_, f) => (
                <Form.Item name={['levels', String(f.id)]} noStyle>
                  <Select
                    allowClear
                    placeholder="не верифицирован"
                    options={LEVEL_OPTIONS}
                    style={{ width: 170 }}
                    aria-label={`Уровень: ${f.name}`}
                  />
                </Form.Item>
              ),
            },
            {
              title: 'Мероприятия в квартале',
              key: 'cell',
              width: 230,
              render: (_, f) => {
                const cell = row?.cells.find((c) => c.factorId === f.id);
                return cell ? <RiskCellView cell={cell} /> : null;
              },
            },
          ]}
        />
      </Form>
    </div>
  );
}

/** The form of one measure: name, term as written, executors (text and links), expected result. */
import { Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { type Directory, selectFilter } from '../directory';
import { useAction, useLoad } from '../hooks';
import { differing, useVersionedSave } from '../stale';
import { useUnsavedGuard } from '../unsaved';
import { Understood, useTermReading } from './TermHint';
import { LIMITS, limitRule, limited } from '../limits';
import { aliasLines, schoolsNamed } from '../../../shared/school-match';

type PlanData = ApiOutput<'plan.get'>;
type Section = PlanData['sections'][number];
type Measure = Section['measures'][number];

export type MeasureTarget =
  { mode: 'new'; sectionId: number | null; index: number } | { mode: 'edit'; measure: Measure; sectionId: number | null };

interface MeasureForm {
  number?: string;
  name: string;
  term: string;
  executors: string;
  result: string;
  links: string[];
  risks: number[];
}

const linkKey = (l: { personId: number | null; organizationId: number | null }) => (l.personId ? `p${l.personId}` : `o${l.organizationId}`);
const linkOf = (k: string) =>
  k.startsWith('p') ? { personId: Number(k.slice(1)), organizationId: null } : { personId: null, organizationId: Number(k.slice(1)) };

export function MeasureDrawer(props: {
  target: MeasureTarget | null;
  roadmap: PlanData['roadmap'];
  sections: Section[];
  dir: Directory;
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { target, roadmap, dir } = props;
  const [form] = Form.useForm<MeasureForm>();
  const act = useAction();
  const saveVersioned = useVersionedSave();
  // The version the form shows: the measure's when opened, the newer one after «Обновить».
  const [version, setVersion] = useState(0);
  const c = roadmap.captions;
  const termText = Form.useWatch('term', form);
  const reading = useTermReading(termText, { roadmapId: roadmap.id });

  const show = (m: Measure) => {
    form.setFieldsValue({
      number: m.number,
      name: m.name,
      term: m.term,
      executors: m.executors,
      result: m.result,
      links: m.links.map(linkKey),
      risks: m.risks,
    });
    setVersion(m.version);
  };
  useEffect(() => {
    if (!target) return;
    if (target.mode === 'edit') show(target.measure);
    else form.setFieldsValue({ number: '', name: '', term: '', executors: '', result: '', links: [], risks: [] });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target, form]);

  const savedMeasure = async (id: number) =>
    (await call('plan.get', { roadmapId: roadmap.id })).sections.flatMap((s) => s.measures).find((m) => m.id === id);
  /** «Обновить» after a conflict: the measure as saved last. */
  const reloadMeasure = async (id: number) => {
    const fresh = await savedMeasure(id);
    if (fresh) {
      show(fresh);
      guard.markClean();
    } else props.onClose();
  };

  const save = async (): Promise<boolean> => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return false;
    const values = {
      name: v.name,
      term: v.term ?? '',
      executors: v.executors ?? '',
      result: v.result ?? '',
      links: (v.links ?? []).map(linkOf),
      risks: v.risks ?? [],
      ...(roadmap.autoNumber ? {} : { number: v.number ?? '' }),
    };
    if (target!.mode === 'edit') {
      const id = target!.measure.id;
      const saved = await saveVersioned((expectedVersion) => call('plan.updateMeasure', { id, values, expectedVersion }), version, {
        success: 'Сохранено',
        onReload: () => reloadMeasure(id),
        compare: async () => {
          const saved = await savedMeasure(id);
          if (!saved) return [];
          return differing([
            [c.name, saved.name, values.name],
            [c.term, saved.term, values.term],
            [c.executors, saved.executors, values.executors],
            [c.result, saved.result, values.result],
          ]);
        },
      });
      if (saved) {
        guard.markClean();
        props.onSaved(id);
      }
      return Boolean(saved);
    }
    let id = 0;
    const ok = await act(async () => {
      id = await call('plan.addMeasure', { roadmapId: roadmap.id, sectionId: target!.sectionId, index: target!.index, values });
    }, 'Сохранено');
    if (ok) {
      guard.markClean();
      props.onSaved(id);
    }
    return ok;
  };
  const guard = useUnsavedGuard({ form, active: target !== null, openedWith: target, save });
  const close = () => void guard.close(props.onClose);

  // The «500+» risk factors: archived ones only where the measure already addresses them.
  const factors = useLoad(() => call('risks.factors'), []);
  const linkedRisks = target?.mode === 'edit' ? target.measure.risks : [];
  const riskOptions = (factors.data ?? [])
    .filter((f) => !f.archived || linkedRisks.includes(f.id))
    .map((f) => ({ value: f.id, label: f.archived ? `${f.name} (в архиве)` : f.name }));

  // A risk link counts in the matrix only for a school the measure belongs to (db/risk-matrix.ts):
  // said while choosing, not discovered later as an empty cell.
  const chosenRisks = Form.useWatch('risks', form) as number[] | undefined;
  const executorsText = Form.useWatch('executors', form) as string | undefined;
  const chosenLinks = Form.useWatch('links', form) as string[] | undefined;
  const matcherSchools = useMemo(() => dir.schools.map((s) => ({ ...s, aliases: aliasLines(s.aliases) })), [dir.schools]);
  const schoolIds = useMemo(() => new Set(dir.schools.map((s) => s.id)), [dir.schools]);
  const risksCountNowhere =
    (chosenRisks?.length ?? 0) > 0 &&
    !roadmap.schoolId &&
    !(chosenLinks ?? []).some((l) => l.startsWith('o') && schoolIds.has(Number(l.slice(1)))) &&
    schoolsNamed(executorsText ?? '', matcherSchools).length === 0;

  const linkOptions = [
    { label: 'Люди', options: dir.people.map((p) => ({ value: `p${p.id}`, label: p.fullName })) },
    { label: 'Организации', options: dir.organizations.map((o) => ({ value: `o${o.id}`, label: o.shortName || o.name })) },
  ];

  return (
    <Drawer
      open={target !== null}
      size={640}
      title={target?.mode === 'edit' ? `Мероприятие ${target.measure.number}` : 'Новое мероприятие'}
      onClose={close}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>Отмена</Button>
          <Button type="primary" onClick={save} title="Ctrl+Enter">
            Сохранить
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            void save();
          }
        }}
      >
        {!roadmap.autoNumber && (
          <Form.Item
            name="number"
            label={c.number}
            rules={[limitRule(LIMITS.short)]}
            extra={target?.mode === 'new' ? 'Оставьте пустым: номер продолжит нумерацию плана, следующие сдвинутся' : undefined}
          >
            <Input {...limited(LIMITS.short)} style={{ width: 120 }} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={c.name}
          rules={[limitRule(LIMITS.long), { required: true, whitespace: true, message: 'Укажите мероприятие' }]}
        >
          <Input.TextArea autoFocus autoSize={{ minRows: 3, maxRows: 12 }} {...limited(LIMITS.long)} />
        </Form.Item>
        <Form.Item
          name="term"
          label={c.term}
          rules={[limitRule(LIMITS.medium)]}
          extra={
            reading ? <Understood reading={reading} /> : 'Как в документе: «До 20 января 2022», «Ежеквартально», «Февраль – октябрь 2022»'
          }
        >
          <Input {...limited(LIMITS.medium)} />
        </Form.Item>
        <Form.Item name="executors" label={c.executors} rules={[limitRule(LIMITS.medium)]}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} {...limited(LIMITS.medium)} />
        </Form.Item>
        <Form.Item name="links" label="Исполнители из справочника" extra="Для отчётов и форм школам: кто отвечает за мероприятие">
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: selectFilter }}
            options={linkOptions}
            placeholder="Выберите людей и организации"
          />
        </Form.Item>
        <Form.Item name="result" label={c.result} rules={[limitRule(LIMITS.long)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} {...limited(LIMITS.long)} />
        </Form.Item>
        <Form.Item
          name="risks"
          label="Риски, на которые направлено"
          validateStatus={risksCountNowhere ? 'warning' : undefined}
          help={
            risksCountNowhere
              ? 'Среди исполнителей нет школы: в матрице «Риски» мероприятие не будет учтено ни у одной школы. Назовите школу в исполнителях или выберите её в «Исполнители из справочника».'
              : undefined
          }
          extra="Факторы риска школ «500+». В матрице «Риски» мероприятие считается у школ, названных среди его исполнителей или связанных с ним, и в карте самой школы"
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ filterOption: selectFilter }}
            options={riskOptions}
            placeholder="Выберите факторы риска"
            data-testid="measure-risks"
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

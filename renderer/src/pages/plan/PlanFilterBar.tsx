/** The plan editor's filter and sort: the controls, and the «Фильтр включён: N из M» line with «Сбросить». */
import { Button, Checkbox, DatePicker, Input, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { EXECUTION_STATUSES, STATUS_LABELS } from '../../../../shared/labels';
import { quarterLabel } from '../../../../shared/quarters';
import { selectFilter } from '../../directory';
import { countOf, DATE_FORMAT } from '../../format';
import { NO_FILTER, type PlanFilter, type PlanSort } from './view';

export const SORT_OPTIONS: { value: PlanSort; label: string }[] = [
  { value: 'number', label: 'По номеру' },
  { value: 'term', label: 'По сроку' },
  { value: 'executor', label: 'По исполнителю' },
];

export function SortSelect({ sort, onChange }: { sort: PlanSort; onChange: (s: PlanSort) => void }) {
  return (
    <Select
      aria-label="Сортировка"
      data-testid="plan-sort"
      size="small"
      style={{ width: 130 }}
      value={sort}
      onChange={onChange}
      options={SORT_OPTIONS}
    />
  );
}

export function PlanFilterBar({
  filter,
  onChange,
  sections,
  schools,
  quarter,
}: {
  filter: PlanFilter;
  onChange: (f: PlanFilter) => void;
  sections: { id: number; number: string; title: string | null }[];
  schools: { id: number; name: string; shortName: string }[];
  /** The current quarter ('2025-Q4'), whose execution status the status filter reads. */
  quarter: string;
}) {
  const set = (patch: Partial<PlanFilter>) => onChange({ ...filter, ...patch });
  return (
    <Space wrap size={[8, 6]} style={{ marginBottom: 6 }} data-testid="plan-filter">
      <Input
        size="small"
        allowClear
        placeholder="Исполнитель"
        aria-label="Исполнитель"
        style={{ width: 150 }}
        value={filter.executor}
        onChange={(e) => set({ executor: e.target.value })}
      />
      <Select
        size="small"
        allowClear
        showSearch={{ filterOption: selectFilter }}
        placeholder="Школа"
        aria-label="Школа"
        data-testid="filter-school"
        style={{ width: 170 }}
        value={filter.schoolId ?? undefined}
        onChange={(v) => set({ schoolId: v ?? null })}
        options={schools.map((s) => ({ value: s.id, label: s.shortName || s.name }))}
      />
      <Select
        size="small"
        allowClear
        placeholder="Раздел"
        aria-label="Раздел"
        data-testid="filter-section"
        style={{ width: 170 }}
        popupMatchSelectWidth={false}
        value={filter.section ?? undefined}
        onChange={(v) => set({ section: v ?? null })}
        options={[
          ...sections.map((s) => ({ value: s.id as number | 'none', label: `${s.number ? `${s.number}. ` : ''}${s.title ?? ''}` })),
          { value: 'none' as const, label: 'Вне разделов' },
        ]}
      />
      <DatePicker.RangePicker
        size="small"
        format={DATE_FORMAT}
        allowEmpty={[true, true]}
        placeholder={['Срок с', 'по']}
        style={{ width: 220 }}
        value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
        onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })}
      />
      <Select
        size="small"
        allowClear
        placeholder={`Исполнение, ${quarterLabel(quarter)}`}
        aria-label="Исполнение в текущем квартале"
        data-testid="filter-status"
        style={{ width: 210 }}
        popupMatchSelectWidth={false}
        value={filter.status ?? undefined}
        onChange={(v) => set({ status: v ?? null })}
        options={[
          { value: 'none' as const, label: 'не отмечено' },
          ...EXECUTION_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        ]}
      />
      <Checkbox checked={filter.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
        просрочено
      </Checkbox>
      <Checkbox checked={filter.unparsed} onChange={(e) => set({ unparsed: e.target.checked })}>
        срок не распознан
      </Checkbox>
    </Space>
  );
}

/** The line that says a filter or sort hides or reorders rows, with the way back. */
export function FilterState({ shown, total, filtered, onReset }: { shown: number; total: number; filtered: boolean; onReset: () => void }) {
  return (
    <Space size={6} data-testid="filter-state">
      <Typography.Text type="warning" strong>
        {filtered
          ? `Фильтр включён: ${shown} из ${total}`
          : `Отсортировано: ${countOf(total, ['мероприятие', 'мероприятия', 'мероприятий'])}`}
      </Typography.Text>
      <Button size="small" onClick={onReset}>
        Сбросить
      </Button>
    </Space>
  );
}

export { NO_FILTER };

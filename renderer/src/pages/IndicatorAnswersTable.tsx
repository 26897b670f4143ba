/**
 * The answers preview's part for indicators: the actual values the schools' forms give on the sheet
 * «Показатели», «было → станет». They carry no conflicts (a bad value refuses the whole form before
 * this), so they are written with the confirmed answers.
 */
import { Table, Typography } from 'antd';
import type { ApiOutput } from '../api';
import { formatIndicatorValue } from '../../../shared/indicators';
import { INDICATOR_UNIT_LABELS } from '../../../shared/labels';

export type IndicatorAnswer = ApiOutput<'answers.preview'>['indicators'][number];

const ruDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');
const valueText = (v: { value: number; measuredOn: string | null; evidence: string } | null) =>
  v ? [formatIndicatorValue(v.value), ruDate(v.measuredOn), v.evidence].filter(Boolean).join(' · ') : '—';

/** What answers.apply takes for each value. */
export const indicatorInput = (a: IndicatorAnswer) => ({
  indicatorId: a.indicatorId,
  schoolId: a.schoolId,
  year: a.year,
  value: a.new.value,
  weight: a.weight,
  measuredOn: a.new.measuredOn,
  evidence: a.new.evidence,
});

export function IndicatorAnswersTable({ answers, schoolName }: { answers: IndicatorAnswer[]; schoolName: (id: number) => string }) {
  if (!answers.length) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        Значения индикаторов (лист «Показатели»): {answers.length}
      </Typography.Title>
      <Table<IndicatorAnswer>
        rowKey={(a) => `${a.file}:${a.indicatorId}:${a.year}`}
        size="small"
        pagination={false}
        dataSource={answers}
        aria-label="Значения индикаторов из форм"
        columns={[
          { title: 'Школа', width: 140, render: (_, a) => schoolName(a.schoolId) },
          { title: 'Индикатор', dataIndex: 'indicator', width: 320 },
          { title: 'Ед. изм.', width: 80, render: (_, a) => INDICATOR_UNIT_LABELS[a.unit] },
          { title: 'Год', dataIndex: 'yearLabel', width: 100 },
          { title: 'Было', width: 200, render: (_, a) => valueText(a.old) },
          { title: 'Станет', width: 240, render: (_, a) => <Typography.Text strong>{valueText(a.new)}</Typography.Text> },
        ]}
      />
    </>
  );
}

/**
 * One indicator's values as a grid: a line for the district («Район») and one per school; for each
 * line the baseline (year and value) and, per year of the roadmap, «План» and «Факт» (with the date
 * measured and the evidence in a popover) and whether the target is met. Values are typed as the
 * methodist writes them («45,5», «45,5 %»), read with the shared parseIndicatorValue, checked with the
 * shared valueProblem on leaving the cell, and saved at once with `indicators.setValues` (all or
 * nothing). Enter moves down a column, Shift+Enter up, Tab along the line. Unsaved edits are guarded.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Popover, Select, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { call, type ApiInput, type ApiOutput } from '../../api';
import { errorText } from '../../hooks';
import { limited, LIMITS } from '../../limits';
import { useUnsavedGuard } from '../../unsaved';
import { formatIndicatorValue, parseIndicatorValue, valueProblem, yearLabel } from '../../../../shared/indicators';
import { INDICATOR_UNIT_LABELS } from '../../../../shared/labels';
import { AchievementTag } from './AchievementTag';

type Board = ApiOutput<'indicators.board'>;
export type BoardIndicator = Board['indicators'][number];
type Line = BoardIndicator['lines'][number];
type ValueInput = ApiInput<'indicators.setValues'>['values'][number];

interface GridValues {
  /** Value texts by cell: `s3_b` (baseline), `s3_t2024` (target), `s3_a2024` (actual); s0 is the district. */
  v: Record<string, string>;
  /** Baseline years by line. */
  by: Record<string, string>;
  /** Date measured and evidence of an actual value, by `s3_2024`. */
  m: Record<string, string>;
  e: Record<string, string>;
}

interface Row {
  schoolId: number | null;
  name: string;
  line: Line | undefined;
}

const lineKey = (schoolId: number | null) => `s${schoolId ?? 0}`;

function initialValues(rows: Row[]): GridValues {
  const out: GridValues = { v: {}, by: {}, m: {}, e: {} };
  for (const { schoolId, line } of rows) {
    const k = lineKey(schoolId);
    out.v[`${k}_b`] = formatIndicatorValue(line?.baseline?.value);
    out.by[k] = line?.baseline ? String(line.baseline.year) : '';
    for (const y of line?.years ?? []) {
      out.v[`${k}_t${y.year}`] = formatIndicatorValue(y.target);
      // A district value computed from the schools is shown, not entered: its cell stays empty.
      out.v[`${k}_a${y.year}`] = y.computed ? '' : formatIndicatorValue(y.actual);
      out.m[`${k}_${y.year}`] = y.computed ? '' : (y.measuredOn ?? '');
      out.e[`${k}_${y.year}`] = y.computed ? '' : y.evidence;
    }
  }
  return out;
}

export function IndicatorGrid(props: {
  indicator: BoardIndicator;
  /** Schools linked to the roadmap's measures or with values (the board's `schools`). */
  schools: { id: number; name: string }[];
  /** Every school, for «Добавить школу». */
  allSchools: { id: number; name: string }[];
  onSaved: () => void;
}) {
  const { indicator } = props;
  const [form] = Form.useForm<GridValues>();
  const [added, setAdded] = useState<{ id: number; name: string }[]>([]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);

  const rows = useMemo((): Row[] => {
    const byId = new Map(indicator.lines.map((l) => [l.schoolId, l]));
    const out: Row[] = [{ schoolId: null, name: 'Район', line: byId.get(null) }];
    const seen = new Set<number>();
    for (const s of [
      ...indicator.lines.filter((l) => l.schoolId !== null).map((l) => ({ id: l.schoolId!, name: l.school })),
      ...props.schools,
      ...added,
    ]) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push({ schoolId: s.id, name: s.name, line: byId.get(s.id) });
    }
    return out;
  }, [indicator, props.schools, added]);
  const initial = useMemo(() => initialValues(rows), [rows]);

  const problemOf = (text: string): string | null => {
    if (!text.trim()) return null;
    const value = parseIndicatorValue(text);
    if (value === null) return `Не число: «${text.trim()}». Пишите так: 45,5`;
    return valueProblem(value, indicator.unit);
  };
  const check = (key: string) => {
    const problem = problemOf(String(form.getFieldValue(['v', key]) ?? ''));
    setProblems((p) => {
      const { [key]: _, ...rest } = p;
      return problem ? { ...rest, [key]: problem } : rest;
    });
  };

  const save = async (): Promise<boolean> => {
    const now = form.getFieldsValue(true) as GridValues;
    const text = (k: string) => String(now.v?.[k] ?? '').trim();
    const found: Record<string, string> = {};
    const values: ValueInput[] = [];
    const read = (k: string): number | null | undefined => {
      if (!text(k)) return null;
      const problem = problemOf(text(k));
      if (problem) {
        found[k] = problem;
        return undefined;
      }
      return parseIndicatorValue(text(k));
    };
    for (const { schoolId } of rows) {
      const k = lineKey(schoolId);
      const base = { indicatorId: indicator.id, schoolId };
      const yearText = String(now.by?.[k] ?? '').trim();
      if (text(`${k}_b`) !== (initial.v[`${k}_b`] ?? '') || yearText !== (initial.by[k] ?? '')) {
        const value = read(`${k}_b`);
        const year = Number(yearText || initial.by[k]);
        if (value !== null && !(Number.isInteger(year) && year >= 1900 && year <= 2100)) found[`${k}_by`] = 'Укажите год базового значения';
        else if (value !== undefined && (value !== null || initial.by[k])) values.push({ ...base, kind: 'baseline', year, value });
      }
      for (const year of indicator.years) {
        if (text(`${k}_t${year}`) !== (initial.v[`${k}_t${year}`] ?? '')) {
          const value = read(`${k}_t${year}`);
          if (value !== undefined) values.push({ ...base, kind: 'target', year, value });
        }
        const n = `${k}_${year}`;
        const measuredOn = String(now.m?.[n] ?? '');
        const evidence = String(now.e?.[n] ?? '').trim();
        if (
          text(`${k}_a${year}`) !== (initial.v[`${k}_a${year}`] ?? '') ||
          measuredOn !== (initial.m[n] ?? '') ||
          evidence !== (initial.e[n] ?? '')
        ) {
          const value = read(`${k}_a${year}`);
          if (value !== undefined) values.push({ ...base, kind: 'actual', year, value, measuredOn: measuredOn || null, evidence });
        }
      }
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setRefusal('Некоторые значения не приняты — они отмечены в таблице. Ничего не сохранено.');
      return false;
    }
    setRefusal(null);
    if (values.length === 0) {
      guard.markClean();
      return true;
    }
    try {
      await call('indicators.setValues', { values });
    } catch (err) {
      setRefusal(errorText(err));
      return false;
    }
    guard.markClean();
    props.onSaved();
    return true;
  };
  const guard = useUnsavedGuard({ form, save, openedWith: indicator, discard: () => form.resetFields() });

  /** Enter: the same column one line down (Shift+Enter: up), as in a spreadsheet. */
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const { row, col } = (e.target as HTMLInputElement).dataset;
    const next = grid.current?.querySelector<HTMLInputElement>(
      `input[data-row="${Number(row) + (e.shiftKey ? -1 : 1)}"][data-col="${col}"]`,
    );
    next?.focus();
    next?.select();
  };

  const cell = (key: string, row: number, col: number, label: string, placeholder?: string) => (
    <>
      <Form.Item name={['v', key]} noStyle>
        <Input
          size="small"
          data-row={row}
          data-col={col}
          aria-label={label}
          aria-invalid={problems[key] ? true : undefined}
          status={problems[key] ? 'error' : undefined}
          placeholder={placeholder}
          onKeyDown={onKeyDown}
          onBlur={() => check(key)}
          onChange={() => problems[key] && setProblems(({ [key]: _, ...rest }) => rest)}
          style={{ width: 78 }}
        />
      </Form.Item>
      {problems[key] && (
        <div role="alert" data-testid="cell-problem" style={{ color: '#cf1322', fontSize: 11, maxWidth: 150, whiteSpace: 'normal' }}>
          {problems[key]}
        </div>
      )}
    </>
  );

  const evidenceButton = (k: string, year: number, school: string) => {
    const n = `${k}_${year}`;
    const has = Boolean(form.getFieldValue(['e', n]) || form.getFieldValue(['m', n]));
    return (
      <Popover
        trigger="click"
        title={`${school}, ${yearLabel(year, indicator.yearKind)}: факт`}
        content={
          <div style={{ width: 260 }}>
            <Form.Item name={['m', n]} label="Дата измерения" style={{ marginBottom: 8 }}>
              <Input type="date" size="small" aria-label="Дата измерения" />
            </Form.Item>
            <Form.Item name={['e', n]} label="Подтверждение" style={{ marginBottom: 0 }}>
              <Input.TextArea
                autoSize
                size="small"
                {...limited(LIMITS.medium)}
                placeholder="Протокол ВПР, отчёт ОО…"
                aria-label="Подтверждение"
              />
            </Form.Item>
          </div>
        }
      >
        <Button
          size="small"
          type={has ? 'link' : 'text'}
          icon={<PaperClipOutlined />}
          aria-label={`Дата и подтверждение: ${school}, ${yearLabel(year, indicator.yearKind)}`}
          title="Дата измерения и подтверждающий документ"
        />
      </Popover>
    );
  };

  const shown = new Set(rows.map((r) => r.schoolId));
  const addable = props.allSchools.filter((s) => !shown.has(s.id));
  const th: React.CSSProperties = {
    padding: '2px 6px',
    borderBottom: '1px solid #f0f0f0',
    background: '#fafafa',
    fontWeight: 500,
    whiteSpace: 'nowrap',
  };
  const td: React.CSSProperties = { padding: '3px 6px', borderBottom: '1px solid #f0f0f0', verticalAlign: 'top', whiteSpace: 'nowrap' };
  return (
    <Form form={form} initialValues={initial} component={false}>
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 6 }} data-testid="grid-refusal" />}
      <div ref={grid} style={{ overflowX: 'auto' }} data-testid="indicator-grid">
        <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
          <thead>
            <tr>
              <th style={th} rowSpan={2} scope="col">
                Школа
              </th>
              <th style={th} colSpan={2} scope="colgroup">
                Базовое значение
              </th>
              {indicator.years.map((y) => (
                <th key={y} style={{ ...th, borderLeft: '2px solid #e6e6e6' }} colSpan={3} scope="colgroup">
                  {yearLabel(y, indicator.yearKind)}
                </th>
              ))}
            </tr>
            <tr>
              <th style={th} scope="col">
                год
              </th>
              <th style={th} scope="col">
                {INDICATOR_UNIT_LABELS[indicator.unit]}
              </th>
              {indicator.years.map((y) => [
                <th key={`t${y}`} style={{ ...th, borderLeft: '2px solid #e6e6e6' }} scope="col">
                  План
                </th>,
                <th key={`a${y}`} style={th} scope="col">
                  Факт
                </th>,
                <th key={`r${y}`} style={th} scope="col">
                  Итог
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ schoolId, name, line }, r) => {
              const k = lineKey(schoolId);
              return (
                <tr key={k} data-testid="grid-line" data-school={name}>
                  <th scope="row" style={{ ...td, textAlign: 'left', fontWeight: schoolId === null ? 600 : 400 }}>
                    {name}
                  </th>
                  <td style={td}>
                    <Form.Item name={['by', k]} noStyle>
                      <Input
                        size="small"
                        data-row={r}
                        data-col={0}
                        aria-label={`${name}: год базового значения`}
                        status={problems[`${k}_by`] ? 'error' : undefined}
                        onKeyDown={onKeyDown}
                        style={{ width: 58 }}
                        inputMode="numeric"
                      />
                    </Form.Item>
                    {problems[`${k}_by`] && (
                      <div role="alert" data-testid="cell-problem" style={{ color: '#cf1322', fontSize: 11 }}>
                        {problems[`${k}_by`]}
                      </div>
                    )}
                  </td>
                  <td style={td}>{cell(`${k}_b`, r, 1, `${name}: базовое значение`)}</td>
                  {indicator.years.map((year, i) => {
                    const y = line?.years.find((x) => x.year === year);
                    const label = yearLabel(year, indicator.yearKind);
                    return [
                      <td key={`t${year}`} style={{ ...td, borderLeft: '2px solid #e6e6e6' }}>
                        {cell(`${k}_t${year}`, r, 2 + i * 2, `${name}, ${label}: план`)}
                      </td>,
                      <td key={`a${year}`} style={td}>
                        <Space size={0}>
                          {cell(
                            `${k}_a${year}`,
                            r,
                            3 + i * 2,
                            `${name}, ${label}: факт`,
                            y?.computed ? formatIndicatorValue(y.actual) : undefined,
                          )}
                          {evidenceButton(k, year, name)}
                        </Space>
                        {y?.computed && (
                          <div style={{ fontSize: 11 }} data-testid="computed">
                            <Typography.Text type="secondary">рассчитано по школам</Typography.Text>
                          </div>
                        )}
                      </td>,
                      <td key={`r${year}`} style={td}>
                        <AchievementTag value={y?.achievement ?? 'no_data'} />
                      </td>,
                    ];
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Space style={{ marginTop: 8 }} wrap>
        <Button type="primary" onClick={() => void save()} data-testid="grid-save">
          Сохранить значения
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setProblems({});
            setRefusal(null);
          }}
        >
          Отменить изменения
        </Button>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="Добавить школу"
          aria-label="Добавить школу"
          style={{ width: 240 }}
          value={null}
          options={addable.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(id: number) => {
            const school = addable.find((s) => s.id === id);
            // A new line's cells are empty: only what is typed in them is a change.
            if (school) setAdded((a) => [...a, school]);
          }}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          Enter — вниз по столбцу, Tab — вправо. Пустая клетка удаляет значение.
        </Typography.Text>
      </Space>
    </Form>
  );
}

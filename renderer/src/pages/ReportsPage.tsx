/**
 * «Отчёты и формы»: the quarterly report to the region, forms for the schools, and the schools'
 * answers back — previewed as old → new with conflicts flagged, applied only as confirmed.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { call, type ApiOutput } from '../api';
import { selectFilter, useDirectory } from '../directory';
import { DATE_FORMAT, fromDayjs } from '../format';
import { downloadBase64, fileInput, MIME } from '../files';
import { useAction, useLoad } from '../hooks';
import { quarterLabel, STATUS_LABELS, type Status } from './labels';
import { LIMITS, limited } from '../limits';
import { quartersOfPeriod } from '../../../shared/quarters';
import { IndicatorAnswersTable, indicatorInput } from './IndicatorAnswersTable';

type Preview = ApiOutput<'answers.preview'>;
type Change = Preview['changes'][number];

const CONFLICTS: Record<string, string> = {
  measure_changed: 'мероприятие изменено после выдачи формы',
  execution_changed: 'отметка изменена в программе после выдачи формы',
  disagreement: 'школы ответили по-разному',
  unknown_measure: 'такого мероприятия нет',
  bad_status: 'отметка не распознана',
};
/** These cannot be written even if the methodist wants to: there is nothing to write them to. */
const BLOCKING = new Set(['unknown_measure', 'bad_status']);

const valuesText = (v: Partial<{ status: string | null; result: string; evidence: string; note: string }> | null, keys: string[]) =>
  v
    ? keys
        .map((k) => {
          const val = (v as Record<string, string | null | undefined>)[k];
          if (!val) return null;
          return k === 'status' ? STATUS_LABELS[val as Status] : val;
        })
        .filter(Boolean)
        .join(' · ') || '—'
    : '—';

export function ReportsPage() {
  const quarters = useLoad(() => call('reports.quarters'), []);
  const roadmaps = useLoad(() => call('roadmaps.list'), []);
  const dir = useDirectory();
  const act = useAction();
  const desktop = Boolean(window.rmk);
  const [quarter, setQuarter] = useState<string | undefined>();
  const [roadmapIds, setRoadmapIds] = useState<number[]>([]);
  const [date, setDate] = useState<Dayjs>(dayjs());
  const [preparedBy, setPreparedBy] = useState('');
  const [schoolId, setSchoolId] = useState<number | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [files, setFiles] = useState<string[]>([]);
  const [selected, setSelected] = useState<React.Key[]>([]);

  useEffect(() => {
    if (!quarter && quarters.data?.length) {
      const now = `${dayjs().year()}-Q${Math.floor(dayjs().month() / 3) + 1}`;
      setQuarter(quarters.data.includes(now) ? now : quarters.data[0]);
    }
  }, [quarters.data, quarter]);

  // Only the roadmaps in force in the chosen quarter can be reported for it (the report refuses others).
  const inQuarter = useMemo(
    () => (roadmaps.data ?? []).filter((r) => !quarter || quartersOfPeriod(r.periodStart, r.periodEnd).includes(quarter)),
    [roadmaps.data, quarter],
  );
  useEffect(() => setRoadmapIds((ids) => ids.filter((id) => inQuarter.some((r) => r.id === id))), [inQuarter]);

  const run = async (label: string, fn: () => Promise<unknown>, success?: string) => {
    setBusy(label);
    try {
      await act(fn, success);
    } finally {
      setBusy(null);
    }
  };

  const report = () =>
    run('report', async () => {
      const req = { quarter: quarter!, ...(roadmapIds.length ? { roadmapIds } : {}), date: fromDayjs(date), preparedBy };
      if (desktop) await call('reports.save', req);
      else {
        const r = await call('reports.download', req);
        downloadBase64(r.fileName, r.base64, MIME.xlsx);
      }
    });

  const form = () =>
    run('form', async () => {
      if (desktop) await call('forms.save', { quarter: quarter!, schoolId: schoolId! });
      else {
        const r = await call('forms.download', { quarter: quarter!, schoolId: schoolId! });
        downloadBase64(r.fileName, r.base64, MIME.xlsx);
      }
    });

  const allForms = () =>
    run(
      'forms',
      async () => {
        if (desktop) await call('forms.saveAll', { quarter: quarter! });
        else
          for (const s of dir.schools) {
            const r = await call('forms.download', { quarter: quarter!, schoolId: s.id }).catch(() => null);
            if (r) downloadBase64(r.fileName, r.base64, MIME.xlsx);
          }
      },
      'Формы подготовлены',
    );

  const keyOf = (c: Change) => `${c.file}:${c.measureId}:${c.quarter}`;
  const loadAnswers = async (list: File[]) => {
    setBusy('answers');
    try {
      await act(async () => {
        const p = await call('answers.preview', {
          files: await Promise.all(list.map(async (f) => ({ name: f.name, ...(await fileInput(f)) }))),
        });
        setPreview(p);
        setFiles(list.map((f) => f.name));
        // What has no conflict is proposed; the rest waits for the methodist's decision.
        setSelected(p.changes.filter((c) => c.conflicts.length === 0).map(keyOf));
      });
    } finally {
      setBusy(null);
    }
  };

  const apply = () =>
    run(
      'apply',
      async () => {
        const chosen = (preview?.changes ?? []).filter((c) => selected.includes(keyOf(c)));
        const { applied } = await call('answers.apply', {
          indicators: (preview?.indicators ?? []).map(indicatorInput),
          answers: chosen.map((c) => ({
            measureId: c.measureId,
            quarter: c.quarter,
            values: Object.fromEntries(Object.entries(c.new).filter(([, v]) => v !== null && v !== undefined)),
            ...(c.filledBy ? { filledBy: c.filledBy } : {}),
            schoolId: c.schoolId,
            file: c.file,
          })),
        });
        setPreview(null);
        setFiles([]);
        return applied;
      },
      'Ответы записаны',
    );

  const quarterOptions = useMemo(() => (quarters.data ?? []).map((q) => ({ value: q, label: quarterLabel(q) })), [quarters.data]);

  return (
    <>
      <Typography.Title level={3}>Отчёты и формы</Typography.Title>
      <Space style={{ marginBottom: 12 }}>
        Квартал:
        <Select style={{ width: 160 }} value={quarter} onChange={setQuarter} options={quarterOptions} aria-label="Квартал" />
      </Space>
      <Card title="Квартальный отчёт в регион (.xlsx)" size="small" style={{ maxWidth: 1100 }}>
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            style={{ width: 520 }}
            placeholder="Все дорожные карты, действующие в квартале"
            showSearch={{ filterOption: selectFilter }}
            value={roadmapIds}
            onChange={setRoadmapIds}
            options={inQuarter.map((r) => ({ value: r.id, label: r.title }))}
          />
          <DatePicker value={date} format={DATE_FORMAT} allowClear={false} onChange={(d) => d && setDate(d)} aria-label="Дата отчёта" />
          <Input
            style={{ width: 260 }}
            placeholder="Подготовил(а): ФИО, должность"
            value={preparedBy}
            onChange={(e) => setPreparedBy(e.target.value)}
            {...limited(LIMITS.short)}
          />
          <Button type="primary" disabled={!quarter} loading={busy === 'report'} onClick={() => void report()}>
            {desktop ? 'Сохранить отчёт…' : 'Скачать отчёт'}
          </Button>
        </Space>
      </Card>
      <Card title="Формы для школ" size="small" style={{ maxWidth: 1100, marginTop: 12 }}>
        <Typography.Paragraph type="secondary">
          В форме — мероприятия квартала, где школа указана исполнителем; открыты только столбцы для ответа, отметка выбирается из списка.
        </Typography.Paragraph>
        <Space wrap>
          <Select
            style={{ width: 300 }}
            placeholder="Школа"
            showSearch={{ filterOption: selectFilter }}
            value={schoolId}
            onChange={setSchoolId}
            options={dir.schools.map((s) => ({ value: s.id, label: s.shortName || s.name }))}
          />
          <Button disabled={!quarter || !schoolId} loading={busy === 'form'} onClick={() => void form()}>
            {desktop ? 'Сохранить форму…' : 'Скачать форму'}
          </Button>
          <Button disabled={!quarter} loading={busy === 'forms'} onClick={() => void allForms()}>
            {desktop ? 'Формы для всех школ в папку…' : 'Скачать формы всех школ'}
          </Button>
        </Space>
      </Card>
      <Card title="Ответы школ" size="small" style={{ marginTop: 12 }}>
        <Upload
          multiple
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(_file, list) => {
            if (_file === list[0]) void loadAnswers(list as unknown as File[]);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy === 'answers'}>
            Выбрать заполненные формы…
          </Button>
        </Upload>
        {preview && (
          <>
            <Typography.Paragraph style={{ marginTop: 12 }}>
              Файлы: {files.join(', ')}. Изменений: {preview.changes.length}, с конфликтами:{' '}
              {preview.changes.filter((c) => c.conflicts.length).length}. Ничего не записано, пока вы не нажмёте «Записать выбранные».
            </Typography.Paragraph>
            {preview.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 4 }} />
            ))}
            <Table<Change>
              rowKey={keyOf}
              scroll={{ x: 1300 }}
              size="small"
              pagination={false}
              dataSource={preview.changes}
              locale={{ emptyText: 'Ответы ничего не меняют: всё уже записано' }}
              rowSelection={{
                selectedRowKeys: selected,
                onChange: setSelected,
                getCheckboxProps: (c) => ({ disabled: c.conflicts.some((k) => BLOCKING.has(k)) }),
              }}
              columns={[
                { title: 'Школа', dataIndex: 'school', width: 140 },
                { title: '№', dataIndex: 'number', width: 60 },
                {
                  title: 'Мероприятие',
                  dataIndex: 'name',
                  width: 320,
                  render: (t: string) => (
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: t }} style={{ margin: 0 }}>
                      {t}
                    </Typography.Paragraph>
                  ),
                },
                { title: 'Было', width: 220, render: (_, c) => valuesText(c.old, ['status', 'result', 'evidence', 'note']) },
                {
                  title: 'Станет',
                  width: 300,
                  render: (_, c) => (
                    <>
                      <Typography.Text strong>{valuesText(c.new, ['status', 'result', 'evidence', 'note'])}</Typography.Text>
                      {/* What the school typed, when it is not the label itself: the methodist sees how it was read. */}
                      {c.statusText && c.statusText !== (c.new.status ? STATUS_LABELS[c.new.status as Status] : '') && (
                        <div style={{ fontSize: 12, color: '#888' }} data-testid="typed-status">
                          в форме: «{c.statusText}»
                        </div>
                      )}
                      {c.filledBy && <div style={{ fontSize: 12, color: '#888' }}>заполнил(а): {c.filledBy}</div>}
                    </>
                  ),
                },
                {
                  title: 'Конфликты',
                  width: 220,
                  render: (_, c) =>
                    c.conflicts.map((k) => (
                      <Tag key={k} color={BLOCKING.has(k) ? 'red' : 'orange'} style={{ whiteSpace: 'normal' }}>
                        {CONFLICTS[k]}
                      </Tag>
                    )),
                },
              ]}
            />
            <IndicatorAnswersTable
              answers={preview.indicators}
              schoolName={(id) =>
                dir.schools.find((s) => s.id === id)?.shortName || dir.schools.find((s) => s.id === id)?.name || `№ ${id}`
              }
            />
            <Space style={{ marginTop: 12 }}>
              <Button
                type="primary"
                disabled={!selected.length && !preview.indicators.length}
                loading={busy === 'apply'}
                onClick={() => void apply()}
              >
                Записать выбранные ({selected.length})
                {preview.indicators.length ? ` и значения индикаторов (${preview.indicators.length})` : ''}
              </Button>
              <Button onClick={() => setPreview(null)}>Отменить</Button>
            </Space>
          </>
        )}
      </Card>
    </>
  );
}

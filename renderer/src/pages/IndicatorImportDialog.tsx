/**
 * «Загрузить значения из Excel»: a sheet of school × indicator × year × value, previewed row by row —
 * new, replacing («было → станет»), unchanged, or a problem named with its row — and written only on
 * «Загрузить», which stays disabled while any row has a problem (the server refuses such a file anyway).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { call, type ApiInput, type ApiOutput } from '../api';
import { fileInput } from '../files';
import { errorText, useLoad } from '../hooks';
import { formatIndicatorValue } from '../../../shared/indicators';

type Preview = ApiOutput<'indicators.importPreview'>;
type Row = Preview['rows'][number];
type Result = ApiOutput<'indicators.importApply'>;

const KIND_LABELS: Record<Row['kind'], string> = { baseline: 'базовое', target: 'целевое', actual: 'фактическое' };
const OUTCOMES: Record<Row['outcome'], { label: string; color: string }> = {
  new: { label: 'новое', color: 'green' },
  replace: { label: 'заменит', color: 'orange' },
  same: { label: 'без изменений', color: 'default' },
  problem: { label: 'ошибка', color: 'red' },
};

export interface IndicatorImportDialogProps {
  /** The roadmap whose indicators the names are looked for among; the dialog lets the methodist change it. */
  roadmapId?: number | undefined;
  open: boolean;
  onClose: () => void;
  /** After the values are written: what was written. */
  onDone?: (result: Result) => void;
}

export function IndicatorImportDialog({ roadmapId, open, onClose, onDone }: IndicatorImportDialogProps) {
  const roadmaps = useLoad(() => call('roadmaps.list'), []);
  const [chosen, setChosen] = useState<number | undefined>(roadmapId);
  const [request, setRequest] = useState<Omit<ApiInput<'indicators.importPreview'>, 'roadmapId'> | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);

  const load = async (req: typeof request, roadmap: number | undefined) => {
    if (!req) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setPreview(await call('indicators.importPreview', { ...req, ...(roadmap !== undefined ? { roadmapId: roadmap } : {}) }));
      setRequest(req);
    } catch (err) {
      setPreview(null);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (file: File) => {
    setBusy(true);
    setError(null);
    try {
      await load({ fileName: file.name, ...(await fileInput(file)) }, chosen);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!request || !preview || preview.problems.length) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('indicators.importApply', { ...request, ...(chosen !== undefined ? { roadmapId: chosen } : {}) });
      setResult(r);
      setPreview(null);
      setRequest(null);
      onDone?.(r);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    setPreview(null);
    setRequest(null);
    setResult(null);
    setError(null);
    onClose();
  };

  const problems = preview?.problems.length ?? 0;
  return (
    <Modal
      title="Загрузка значений индикаторов из Excel"
      open={open}
      width={1100}
      onCancel={close}
      footer={
        <Space>
          <Button onClick={close}>{result ? 'Закрыть' : 'Отмена'}</Button>
          <Button type="primary" disabled={!preview || problems > 0} loading={busy} onClick={() => void apply()}>
            Загрузить
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        Таблица Excel (.xlsx) со столбцами «Школа», «Индикатор», «Год», «Значение»; по желанию — «Вид» (план, факт, базовое; без него —
        фактическое), «Дата», «Подтверждение», «Число участников», «Дорожная карта». Если в файле есть ошибки, ничего не записывается.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 420 }}
          aria-label="Дорожная карта"
          placeholder="Индикаторы всех дорожных карт"
          allowClear
          value={chosen}
          onChange={(v: number | undefined) => {
            setChosen(v);
            void load(request, v);
          }}
          options={(roadmaps.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
        />
        <Upload
          accept=".xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void pick(file as unknown as File);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy}>
            Выбрать файл…
          </Button>
        </Upload>
        {request && <Typography.Text>{request.fileName}</Typography.Text>}
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8, whiteSpace: 'pre-line' }} />}
      {result && (
        <Alert
          type="success"
          showIcon
          role="status"
          message={`Значения загружены: записано ${result.written} (из них заменено ${result.replaced}), без изменений ${result.unchanged}.`}
        />
      )}
      {preview && (
        <>
          <Typography.Paragraph>
            Лист «{preview.sheet}»: новых {preview.counts.new}, заменят прежние {preview.counts.replace}, без изменений{' '}
            {preview.counts.same}, с ошибками {preview.counts.problem}.
          </Typography.Paragraph>
          {preview.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 4 }} />
          ))}
          {problems > 0 && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 8 }}
              message={`Ошибок: ${problems}. Исправьте файл и выберите его снова — пока есть ошибки, ничего не загружается.`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }} aria-label="Ошибки в файле">
                  {preview.problems.slice(0, 100).map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Table<Row>
            rowKey="row"
            size="small"
            scroll={{ x: 1000, y: 360 }}
            pagination={false}
            dataSource={preview.rows}
            onRow={(r) => ({ style: r.outcome === 'problem' ? { background: '#fff1f0' } : {} })}
            columns={[
              { title: 'Строка', dataIndex: 'row', width: 70 },
              { title: 'Школа', dataIndex: 'school', width: 150 },
              { title: 'Индикатор', dataIndex: 'indicator', width: 280 },
              { title: 'Вид', width: 100, render: (_, r) => KIND_LABELS[r.kind] },
              { title: 'Год', dataIndex: 'yearLabel', width: 90 },
              {
                title: 'Значение',
                width: 150,
                render: (_, r) =>
                  r.outcome === 'replace'
                    ? `${formatIndicatorValue(r.old)} → ${formatIndicatorValue(r.value)}`
                    : r.value !== null
                      ? formatIndicatorValue(r.value)
                      : r.valueText,
              },
              {
                title: 'Итог',
                width: 220,
                render: (_, r) => (
                  <>
                    <Tag color={OUTCOMES[r.outcome].color}>{OUTCOMES[r.outcome].label}</Tag>
                    {r.problems.map((p) => (
                      <div key={p} style={{ color: '#cf1322', fontSize: 12 }}>
                        {p}
                      </div>
                    ))}
                  </>
                ),
              },
            ]}
          />
        </>
      )}
    </Modal>
  );
}

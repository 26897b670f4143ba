/**
 * «Свод по региону»: the region's methodist picks the districts' quarterly reports (.xlsx) and gets one
 * workbook — the counts per district and in total, the overdue measures, every row in one sheet.
 * The files go as the answers' forms do (base64 in the desktop, /upload in the browser mode).
 */
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, List, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { call, type ApiOutput } from '../api';
import { downloadBase64, fileInput, MIME } from '../files';
import { useAction } from '../hooks';
import { quarterLabel } from './labels';
import { doneCount } from '../../../shared/execution-rules';

type Result = ApiOutput<'reports.consolidate'>;
type Line = Result['lines'][number];

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function RegionPage() {
  const act = useAction();
  const desktop = Boolean(window.rmk);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);

  const add = (list: File[]) =>
    setFiles((old) => [
      ...old,
      ...list.filter((f) => !old.some((o) => o.name === f.name && o.size === f.size && o.lastModified === f.lastModified)),
    ]);

  const consolidate = async () => {
    setBusy(true);
    try {
      await act(async () => {
        const input = await Promise.all(files.map(async (f) => ({ name: f.name, ...(await fileInput(f)) })));
        const r = await call('reports.consolidate', { files: input, ...(desktop ? { save: true } : {}) });
        if ('base64' in r) downloadBase64(r.fileName, r.base64, MIME.xlsx);
        setResult(r);
      });
    } finally {
      setBusy(false);
    }
  };

  const rows: (Line & { key: string })[] = result
    ? [
        ...result.lines.map((l) => ({ ...l, key: `${l.file}:${l.quarter}` })),
        { ...result.total, districtCode: '', quarter: '', file: '', key: 'total' },
      ]
    : [];

  return (
    <>
      <Typography.Title level={3}>Свод по региону</Typography.Title>
      <Card size="small" style={{ maxWidth: 1100 }} title="Квартальные отчёты районов (.xlsx)">
        <Typography.Paragraph type="secondary">
          Выберите отчёты, которые районы сделали в программе «Дорожные карты РМК» (лист «Данные»). Если от района пришло два отчёта за один
          квартал, берётся более новый; файлы, которые не являются такими отчётами, называются и в свод не входят.
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 8 }}>
          <Upload
            multiple
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file, list) => {
              if (file === list[0]) add(list as unknown as File[]);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>Добавить отчёты…</Button>
          </Upload>
          <Button type="primary" disabled={!files.length} loading={busy} onClick={() => void consolidate()}>
            {desktop ? 'Свести и сохранить…' : 'Свести и скачать'}
          </Button>
          {files.length > 0 && (
            <Button onClick={() => (setFiles([]), setResult(null))} disabled={busy}>
              Очистить список
            </Button>
          )}
        </Space>
        {files.length > 0 && (
          <List
            size="small"
            bordered
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <Button
                    key="remove"
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={`Убрать ${f.name}`}
                    onClick={() => setFiles((old) => old.filter((o) => o !== f))}
                  />,
                ]}
              >
                {f.name}
              </List.Item>
            )}
          />
        )}
      </Card>
      {result && (
        <Card size="small" style={{ maxWidth: 1100, marginTop: 12 }} title="Результат свода">
          <Typography.Paragraph>
            Районов: {result.lines.length}; мероприятий: {result.rows}; просрочено: {result.overdue}.{' '}
            {'saved' in result
              ? result.saved.cancelled
                ? 'Файл не сохранён: выбор места отменён.'
                : `Сохранено: ${result.saved.path}`
              : `Скачан файл «${result.fileName}».`}
          </Typography.Paragraph>
          {result.refused.map((m) => (
            <Alert key={m} type="error" showIcon message={m} style={{ marginBottom: 4 }} />
          ))}
          {result.warnings.map((m) => (
            <Alert key={m} type="warning" showIcon message={m} style={{ marginBottom: 4 }} />
          ))}
          <Table
            size="small"
            pagination={false}
            style={{ marginTop: 8 }}
            dataSource={rows}
            columns={[
              { title: 'Район', dataIndex: 'district', render: (t: string, l) => (l.key === 'total' ? <b>{t}</b> : t) },
              { title: 'Квартал', dataIndex: 'quarter', width: 150, render: (q: string) => (q ? quarterLabel(q) : '') },
              { title: 'Мероприятий', dataIndex: 'total', width: 130, align: 'right' },
              { title: 'Выполнено', width: 110, align: 'right', render: (_, l) => doneCount(l.counts) },
              { title: 'Не выполнено', width: 120, align: 'right', render: (_, l) => l.counts.not_done },
              { title: 'Доля выполненных', dataIndex: 'share', width: 150, align: 'right', render: percent },
              { title: 'Файл', dataIndex: 'file', ellipsis: true },
            ]}
          />
        </Card>
      )}
    </>
  );
}

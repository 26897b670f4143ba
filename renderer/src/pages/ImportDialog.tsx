/**
 * «Импорт»: a Word or Excel file, or a table pasted from either; a preview of what will be stored —
 * the title, the period, the column mapping (changeable), sections and measures, warnings, the order
 * named in the appendix mark — and the roadmap written only on «Импортировать».
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, DatePicker, Descriptions, Input, Modal, Select, Space, Table, Tabs, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { call, type ApiInput, type ApiOutput } from '../api';
import { DATE_FORMAT, formatDate, fromDayjs, toDayjs } from '../format';
import { fileInput } from '../files';
import { errorText } from '../hooks';
import { go } from '../route';
import { LIMITS, limited } from '../limits';
import { SchoolLinksDialog, type SchoolLinkProposals } from './SchoolLinksDialog';

type Preview = ApiOutput<'import.preview'>;
type Request = ApiInput<'import.preview'>;
type Field = 'number' | 'name' | 'term' | 'executors' | 'result';

const FIELD_OPTIONS: { value: Field | 'none'; label: string }[] = [
  { value: 'number', label: '№' },
  { value: 'name', label: 'Мероприятие' },
  { value: 'term', label: 'Срок' },
  { value: 'executors', label: 'Исполнители' },
  { value: 'result', label: 'Результат / показатель' },
  { value: 'none', label: '— не импортировать' },
];

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [request, setRequest] = useState<Request | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [period, setPeriod] = useState<[Dayjs, Dayjs] | null>(null);
  const [linkOrder, setLinkOrder] = useState(true);
  /** After the import: the schools recognised in its executors, offered for linking before the plan opens. */
  const [imported, setImported] = useState<{ roadmapId: number; proposals: SchoolLinkProposals } | null>(null);

  /** A file's request is a promise: its upload runs under the same spinner and error line. */
  const load = async (pending: Request | Promise<Request>) => {
    setBusy(true);
    setError(null);
    try {
      const req = await pending;
      const p = await call('import.preview', req);
      setRequest(req);
      setPreview(p);
      setTitle(p.title);
      setPeriod([toDayjs(p.periodStart)!, toDayjs(p.periodEnd)!]);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  /** Changing a column's meaning re-reads the file with the user's mapping. */
  const remap = (index: number, value: Field | 'none') => {
    if (!preview || !request) return;
    const columns: Partial<Record<Field, number | null>> = {};
    for (const c of preview.columns) if (c.field && c.index !== index) columns[c.field] = c.index;
    if (value !== 'none') columns[value] = index;
    void load({ ...request, columns });
  };

  const commit = async () => {
    if (!request || !period) return;
    setBusy(true);
    setError(null);
    try {
      const r = await call('import.commit', {
        ...request,
        title,
        period: { start: fromDayjs(period[0]), end: fromDayjs(period[1]) },
        linkOrder,
      });
      // The roadmap is written; a failed proposal only means no offer, never a failed import.
      const proposals = await call('plan.proposeSchoolLinks', { roadmapId: r.roadmapId }).catch(() => []);
      if (proposals.length > 0) {
        setImported({ roadmapId: r.roadmapId, proposals });
        return;
      }
      onClose();
      go('roadmaps', r.roadmapId, 'plan');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const rows = (preview?.sections ?? []).flatMap((s, si) => [
    ...(s.title !== null
      ? [{ key: `s${si}`, number: s.number, name: s.title, term: '', executors: '', result: '', section: true, flagged: false }]
      : []),
    ...s.measures.map((m, mi) => ({
      key: `m${si}-${mi}`,
      number: m.number,
      name: m.name,
      term: m.term,
      executors: m.executors,
      result: m.result,
      section: false,
      flagged: m.numberedByApp,
    })),
  ]);

  if (imported)
    return (
      <SchoolLinksDialog
        roadmapId={imported.roadmapId}
        proposals={imported.proposals}
        onClose={() => {
          onClose();
          go('roadmaps', imported.roadmapId, 'plan');
        }}
      />
    );

  return (
    <Modal
      open
      width={1100}
      title="Импорт дорожной карты из Word, Excel или таблицы"
      onCancel={onClose}
      footer={
        <Space>
          <Button onClick={onClose}>Отмена</Button>
          <Button type="primary" disabled={!preview || !title.trim() || !period} loading={busy && !!preview} onClick={() => void commit()}>
            Импортировать
          </Button>
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: 'file',
            label: 'Файл',
            children: (
              <Upload
                accept=".docx,.xlsx,.doc,.xls"
                showUploadList={false}
                beforeUpload={(file) => {
                  void load(fileInput(file).then((f) => ({ fileName: file.name, ...f })));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={busy && !preview}>
                  Выбрать файл .docx или .xlsx…
                </Button>
              </Upload>
            ),
          },
          {
            key: 'paste',
            label: 'Вставить таблицу',
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Input.TextArea
                  rows={6}
                  value={pasted}
                  onChange={(e) => setPasted(e.target.value)}
                  placeholder="Скопируйте таблицу в Word или Excel вместе со строкой заголовков и вставьте сюда (Ctrl+V)"
                  aria-label="Вставленная таблица"
                />
                <Button disabled={!pasted.trim()} onClick={() => void load({ fileName: 'Вставленная таблица', text: pasted })}>
                  Разобрать
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 8 }} />}
      {preview && (
        <div style={{ marginTop: 8 }} data-testid="import-preview">
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="Название">
              <Input.TextArea
                autoSize
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                {...limited(LIMITS.medium)}
                aria-label="Название"
              />
            </Descriptions.Item>
            <Descriptions.Item label="Период">
              <DatePicker.RangePicker
                format={DATE_FORMAT}
                value={period}
                onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
                allowClear={false}
              />
            </Descriptions.Item>
            <Descriptions.Item label="Найдено">
              <span data-testid="import-counts">
                разделов: {preview.counts.sections}, мероприятий: {preview.counts.measures}
              </span>
              {preview.sheet && ` (лист «${preview.sheet}»)`}
            </Descriptions.Item>
            {preview.appendixMark && (
              <Descriptions.Item label="Отметка о приложении">
                <span data-testid="import-appendix-mark">{preview.appendixMark}</span>
              </Descriptions.Item>
            )}
            {preview.order && (
              <Descriptions.Item label="Приказ из отметки">
                {preview.order.existingOrderId ? (
                  <Checkbox checked={linkOrder} onChange={(e) => setLinkOrder(e.target.checked)}>
                    Связать с приказом № {preview.order.number} от {formatDate(preview.order.date)} (приложение{' '}
                    {preview.order.appendixNumber || 'без номера'})
                  </Checkbox>
                ) : (
                  <>
                    Приказ № {preview.order.number} от {formatDate(preview.order.date)} в программе не найден — его можно завести в
                    «Приказах» и связать позже.
                  </>
                )}
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Paragraph strong style={{ marginTop: 12, marginBottom: 4 }}>
            Столбцы таблицы
          </Typography.Paragraph>
          <Space wrap>
            {preview.columns.map((c) => (
              <Space key={c.index} direction="vertical" size={2}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  «{c.caption || `столбец ${c.index + 1}`}»
                </Typography.Text>
                <Select<Field | 'none'>
                  style={{ width: 200 }}
                  value={(c.field ?? 'none') as Field | 'none'}
                  options={FIELD_OPTIONS}
                  onChange={(v) => remap(c.index, v)}
                  aria-label={`Столбец ${c.index + 1}`}
                />
              </Space>
            ))}
          </Space>
          {preview.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              message={`Замечания (${preview.warnings.length})`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18, maxHeight: 140, overflow: 'auto' }}>
                  {preview.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <Table
            style={{ marginTop: 12 }}
            size="small"
            bordered
            virtual
            scroll={{ x: 1000, y: 320 }}
            pagination={false}
            rowKey="key"
            dataSource={rows}
            columns={[
              {
                title: preview.captions.number,
                dataIndex: 'number',
                width: 70,
                render: (t: string, r) =>
                  r.flagged ? (
                    <Typography.Text type="warning" title="номер присвоен программой">
                      {t}*
                    </Typography.Text>
                  ) : (
                    t
                  ),
              },
              {
                title: preview.captions.name,
                dataIndex: 'name',
                width: 380,
                render: (t: string, r) => (r.section ? <b>{t}</b> : <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>),
              },
              { title: preview.captions.term, dataIndex: 'term', width: 150 },
              { title: preview.captions.executors, dataIndex: 'executors', width: 180 },
              { title: preview.captions.result, dataIndex: 'result', width: 220 },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}

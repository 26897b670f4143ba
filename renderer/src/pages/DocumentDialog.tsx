/**
 * «Печать / Сохранить в Word»: a preview of the main fields, the appendix's options, then the file —
 * through the desktop's save dialog (the last folder remembered, then «Открыть» / «Показать в папке»),
 * or, in the browser mode, as a download. Generation runs on the Node side; a spinner shows meanwhile.
 */
import { FileWordOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Descriptions, Modal, Radio, Select, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { call, type ApiInput } from '../api';
import { formatDate } from '../format';
import { downloadBase64, MIME } from '../files';
import { errorText, useLoad } from '../hooks';

export type DocumentRequest = ApiInput<'documents.preview'>['request'];

export function DocumentButton({
  request,
  approvingOrders,
}: {
  request: DocumentRequest;
  approvingOrders?: { orderId: number; number: string; date: string }[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<FileWordOutlined />} onClick={() => setOpen(true)}>
        Печать / Сохранить в Word
      </Button>
      {open && <DocumentDialog initial={request} approvingOrders={approvingOrders ?? []} onClose={() => setOpen(false)} />}
    </>
  );
}

function DocumentDialog({
  initial,
  approvingOrders,
  onClose,
}: {
  initial: DocumentRequest;
  approvingOrders: { orderId: number; number: string; date: string }[];
  onClose: () => void;
}) {
  const [request, setRequest] = useState<DocumentRequest>(initial);
  const preview = useLoad(() => call('documents.preview', { request }), [JSON.stringify(request)]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const desktop = Boolean(window.rmk);
  const appendix = request.kind === 'appendix' ? request : null;

  const produce = async () => {
    setBusy(true);
    setError(null);
    try {
      if (desktop) {
        const r = await call('documents.save', { request });
        if (!r.cancelled) setSaved(r.path);
      } else {
        const r = await call('documents.download', { request });
        downloadBase64(r.fileName, r.base64, MIME.docx);
        onClose();
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const act = (fn: () => Promise<unknown>) => fn().catch((err: unknown) => setError(errorText(err)));

  return (
    <Modal
      open
      width={720}
      title="Печать / Сохранить в Word"
      onCancel={onClose}
      footer={
        saved ? (
          <Space>
            <Button onClick={() => void act(() => call('files.showInFolder', { path: saved }))}>Показать в папке</Button>
            <Button type="primary" onClick={() => void act(() => call('files.open', { path: saved }))}>
              Открыть
            </Button>
            <Button onClick={onClose}>Закрыть</Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose}>Отмена</Button>
            <Button type="primary" loading={busy} disabled={!preview.data} onClick={() => void produce()}>
              {preview.data?.warnings.length ? 'Всё равно сохранить' : desktop ? 'Сохранить…' : 'Скачать .docx'}
            </Button>
          </Space>
        )
      }
    >
      <Spin spinning={busy} tip="Формируется документ…">
        {preview.data && (
          <>
            <Typography.Paragraph strong>{preview.data.title}</Typography.Paragraph>
            {preview.data.warnings.map((w) => (
              <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 8 }} data-testid="document-warning" />
            ))}
            <Descriptions
              column={1}
              size="small"
              bordered
              items={preview.data.lines.map((l) => ({ key: l.label, label: l.label, children: l.value }))}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="document-file-name">
              Файл: {preview.data.fileName}
            </Typography.Paragraph>
          </>
        )}
        {appendix && !saved && (
          <Space direction="vertical" style={{ marginTop: 8 }}>
            {approvingOrders.length > 0 && (
              <Space>
                Отметка о приложении по приказу:
                <Select
                  style={{ width: 260 }}
                  value={appendix.orderId ?? approvingOrders[0]!.orderId}
                  onChange={(orderId: number) => setRequest({ ...appendix, orderId })}
                  options={approvingOrders.map((o) => ({ value: o.orderId, label: `№ ${o.number} от ${formatDate(o.date)}` }))}
                />
              </Space>
            )}
            <Radio.Group
              value={appendix.orientation ?? 'landscape'}
              onChange={(e) => setRequest({ ...appendix, orientation: e.target.value as 'portrait' | 'landscape' })}
            >
              <Radio value="landscape">Альбомная</Radio>
              <Radio value="portrait">Книжная</Radio>
            </Radio.Group>
            <Checkbox
              checked={appendix.includePassport ?? preview.data?.lines.some((l) => l.label === 'Паспорт' && l.value === 'печатается')}
              onChange={(e) => setRequest({ ...appendix, includePassport: e.target.checked })}
            >
              Печатать паспорт
            </Checkbox>
            {preview.data?.lines.some((l) => l.label === 'Таблица индикаторов') && (
              <Checkbox
                checked={
                  appendix.includeIndicators ??
                  preview.data.lines.some((l) => l.label === 'Таблица индикаторов' && l.value !== 'не печатается')
                }
                disabled={appendix.includePassport === false}
                onChange={(e) => setRequest({ ...appendix, includeIndicators: e.target.checked })}
              >
                Таблица индикаторов в паспорте
              </Checkbox>
            )}
            <Checkbox checked={appendix.includeStamp ?? true} onChange={(e) => setRequest({ ...appendix, includeStamp: e.target.checked })}>
              Гриф «УТВЕРЖДЕНА приказом …»
            </Checkbox>
          </Space>
        )}
        {saved && <Alert type="success" showIcon style={{ marginTop: 12 }} message="Документ сохранён" description={saved} />}
        {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
      </Spin>
    </Modal>
  );
}

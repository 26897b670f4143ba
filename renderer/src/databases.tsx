/**
 * Switching the open database from the page: «Открыть другую базу…» (the desktop's open dialog or a
 * typed path in the browser mode), a recent database, the demo district and the way back. Unsaved
 * changes are asked about first; after a switch the page starts afresh, as on a new start, so that no
 * screen keeps records of the database that was closed.
 */
import { Alert, Button, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { call } from './api';
import { errorText, useAction, useLoad } from './hooks';
import { confirmLeave } from './unsaved';

function restart(): void {
  // Without the hash: the new database opens on its first screen (the start page if it is empty).
  window.location.replace(window.location.href.split('#')[0]!);
}

/**
 * Runs `open` (which returns false when the user cancelled a dialog) after the unsaved-changes question,
 * then restarts the page on the new database. A refusal leaves the open database and the page as they were.
 */
export async function switchDatabase(open: () => Promise<boolean>): Promise<boolean> {
  if (!(await confirmLeave())) return false;
  if (!(await open())) return false;
  restart();
  return true;
}

export function useSwitch() {
  const act = useAction();
  return (open: () => Promise<boolean>) => act(() => switchDatabase(open));
}

export const openDemo = () => call('app.openDemo').then(() => true);
export const returnHome = () => call('app.returnHome').then(() => true);
export const openPath = (path: string) => call('app.openDatabase', { path }).then(() => true);

/** The demo district is open: said on every screen, with the way back. */
export function DemoBanner() {
  const { data } = useLoad(() => call('app.info'), []);
  const switchTo = useSwitch();
  if (!data?.demo) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="demo-banner"
      message="Демонстрационная база — ваши данные не затронуты"
      description={
        <>
          Открыт демонстрационный район из отдельного файла: всё, что вы здесь меняете, остаётся в нём.{' '}
          <Button size="small" type="primary" onClick={() => void switchTo(returnHome)}>
            Вернуться к своей базе
          </Button>
        </>
      }
    />
  );
}

/** The browser mode has no file dialog: the full path is typed, and the server checks it. */
export function OpenPathDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ path: string }>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      await switchDatabase(() => openPath(v.path));
    } catch (err) {
      // Shown in the dialog, beside the path to correct: a wrong path is not a failure of the app.
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title="Открыть другую базу"
      okText="Открыть"
      cancelText="Отмена"
      onOk={() => void submit()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">
        Укажите полный путь к файлу базы данных (.sqlite) на этом компьютере. Открытая сейчас база будет закрыта; её данные не изменятся.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={() => void submit()}>
        <Form.Item name="path" label="Путь к файлу" rules={[{ required: true, whitespace: true, message: 'Укажите путь к файлу' }]}>
          <Input autoFocus placeholder="C:\Users\Методист\Documents\рмк.sqlite" maxLength={4000} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} data-testid="open-path-error" />}
    </Modal>
  );
}

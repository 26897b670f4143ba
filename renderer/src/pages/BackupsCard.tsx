/**
 * Настройки → «Резервные копии»: the copies in the `backups` folder beside the database (the day's
 * automatic one, those made by hand, before an update and before a restore), a copy made now or
 * saved elsewhere, and restoring — from the list or from any file — after a confirmation that names
 * what will be replaced. After a restore the page reloads: every screen shows the restored data.
 */
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Table, Typography, Upload } from 'antd';
import { call, type ApiInput, type ApiOutput } from '../api';
import { downloadBase64, fileInput } from '../files';
import { errorText, useAction, useLoad } from '../hooks';

type Item = ApiOutput<'backups.list'>['items'][number];
type Source = ApiInput<'backups.describe'>['source'];

const KINDS: Record<string, string> = {
  daily: 'ежедневная',
  manual: 'сделана вручную',
  'before-migration': 'перед обновлением программы',
  'before-restore': 'перед восстановлением',
};

const dateTime = (iso: string) => (iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)} ${iso.slice(11, 16)}` : '—');
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} МБ` : `${Math.max(1, Math.round(bytes / 1024))} КБ`;

export function BackupsCard({ dbPath, readOnly }: { dbPath: string; readOnly: boolean }) {
  const list = useLoad(() => call('backups.list'), []);
  const act = useAction();
  const { modal, message } = App.useApp();
  const desktop = Boolean(window.rmk);

  /** Checks the copy first (a damaged or foreign file is refused before anything is asked), then asks. */
  const restore = async (source: Source) => {
    let description: ApiOutput<'backups.describe'>;
    try {
      description = await call('backups.describe', { source });
    } catch (err) {
      void message.error(errorText(err));
      return;
    }
    modal.confirm({
      title: 'Восстановить базу из копии?',
      width: 560,
      content: (
        <>
          <p data-testid="restore-description">{description.text}.</p>
          <p>
            Текущая база <b>{dbPath}</b> будет заменена этой копией. Перед заменой её копия сохранится в папке резервных копий, так что
            вернуть её можно тем же способом.
          </p>
        </>
      ),
      okText: 'Восстановить',
      okButtonProps: { danger: true },
      cancelText: 'Отмена',
      onOk: async () => {
        const ok = await act(() => call('backups.restore', { source }), 'База восстановлена из копии');
        // Every screen holds data of the replaced file: start the page afresh.
        if (ok) setTimeout(() => window.location.reload(), 800);
      },
    });
  };

  const pickFile = async () => {
    const picked = await call('backups.pick');
    if (!picked.cancelled) await restore({ path: picked.path });
  };

  const saveAs = async () => {
    if (desktop) {
      const r = await call('backups.saveAs');
      if (!r.cancelled) void message.success(`Копия сохранена: ${r.path}`);
    } else {
      const r = await call('backups.download');
      downloadBase64(r.fileName, r.base64, 'application/vnd.sqlite3');
    }
  };

  return (
    <Card title="Резервные копии" style={{ maxWidth: 1000, marginTop: 16 }} data-testid="backups-card">
      <Typography.Paragraph type="secondary">
        Копии хранятся в папке <b>{list.data?.folder ?? 'backups'}</b> рядом с файлом базы. Каждый день при первом запуске программа делает
        копию сама и хранит последние 14 ежедневных копий; копии перед обновлением программы, сделанные вручную и перед восстановлением
        хранятся, пока вы их не удалите.
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          disabled={readOnly}
          onClick={() =>
            void act(async () => {
              await call('backups.create');
              await list.reload();
            }, 'Копия создана')
          }
        >
          Создать копию сейчас
        </Button>
        <Button onClick={() => void act(saveAs)}>Сохранить копию как…</Button>
        {desktop ? (
          <Button disabled={readOnly} onClick={() => void act(pickFile)}>
            Восстановить из копии…
          </Button>
        ) : (
          <Upload
            accept=".sqlite,.db,.sqlite3"
            showUploadList={false}
            disabled={readOnly}
            beforeUpload={(file) => {
              // Streamed to /upload like an import (up to 100 MB), not carried inside one JSON body.
              void act(async () => restore({ upload: { fileName: file.name, ...(await fileInput(file)) } }));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} disabled={readOnly}>
              Восстановить из копии…
            </Button>
          </Upload>
        )}
        {desktop && <Button onClick={() => void act(() => call('backups.openFolder'))}>Открыть папку</Button>}
      </Space>
      <Table<Item>
        size="small"
        rowKey="fileName"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: 'Копий пока нет' }}
        columns={[
          { title: 'Дата', dataIndex: 'date', render: (d: string) => dateTime(d), width: 150 },
          { title: 'Вид', dataIndex: 'kind', render: (k: string) => KINDS[k] ?? k },
          { title: 'Размер', dataIndex: 'size', render: (s: number) => size(s), width: 90 },
          { title: 'Дорожных карт', dataIndex: 'roadmaps', render: (n: number | null) => n ?? '—', width: 120 },
          { title: 'Мероприятий', dataIndex: 'measures', render: (n: number | null) => n ?? '—', width: 110 },
          {
            title: '',
            key: 'restore',
            width: 140,
            render: (_: unknown, b: Item) => (
              <Button size="small" disabled={readOnly} onClick={() => void restore({ fileName: b.fileName })}>
                Восстановить…
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}

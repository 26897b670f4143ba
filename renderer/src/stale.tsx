/**
 * Saving a form that was opened at a record's version. When someone saved the record in another
 * window (or the browser mode) in between, the API refuses with `stale`; the user then chooses:
 * «Обновить» (load the newer data into the form: their typing is lost, but only by this choice),
 * «Перезаписать» (save theirs over it knowingly: the same call without the version) or «Отмена»
 * (keep the form as typed, e.g. to copy text out). One helper for every form.
 */
import { App, Button, Space, Table } from 'antd';
import { useCallback } from 'react';
import { ApiCallError } from './api';
import { errorText } from './hooks';

type Choice = 'reload' | 'overwrite' | 'cancel';

export interface VersionedSaveOptions {
  /** Shown after a successful save. */
  success?: string;
  /** Loads the record as it is now into the form, with its new version. */
  onReload: () => unknown;
  /**
   * Both versions side by side in the question, so the choice is made knowing what differs:
   * the fields as saved elsewhere and as typed here, each by its label.
   */
  compare?: () => Promise<FieldDiff[]>;
}

export interface FieldDiff {
  label: string;
  saved: string;
  typed: string;
}

/** The fields whose text differs, for `compare`: pairs of [label, saved, typed]. */
export function differing(fields: [string, string | null | undefined, string | null | undefined][]): FieldDiff[] {
  return fields
    .filter(([, saved, typed]) => (saved ?? '') !== (typed ?? ''))
    .map(([label, saved, typed]) => ({ label, saved: saved ?? '', typed: typed ?? '' }));
}

/**
 * `save(send, version, options)`: `send(expectedVersion)` makes the API call with the version given
 * (or none, to overwrite). Resolves to `{ value }` once saved, or `null` when nothing was saved.
 */
export function useVersionedSave() {
  const { modal, message } = App.useApp();

  const ask = useCallback(
    (diffs: FieldDiff[]) =>
      new Promise<Choice>((resolve) => {
        const done = (choice: Choice) => {
          instance.destroy();
          resolve(choice);
        };
        const instance = modal.confirm({
          title: 'Запись изменена после того, как вы её открыли',
          width: diffs.length ? 720 : 416,
          content: (
            <>
              <p>
                Пока форма была открыта, эту запись сохранили в другом окне программы. «Обновить» — показать новые данные (ваши
                несохранённые изменения в форме пропадут). «Перезаписать» — сохранить ваши данные поверх чужих.
              </p>
              {diffs.length > 0 && (
                <Table<FieldDiff>
                  data-testid="stale-diff"
                  size="small"
                  pagination={false}
                  rowKey="label"
                  dataSource={diffs}
                  columns={[
                    { title: 'Поле', dataIndex: 'label', width: 150 },
                    {
                      title: 'Сохранено в другом окне',
                      dataIndex: 'saved',
                      render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>,
                    },
                    {
                      title: 'У вас в форме',
                      dataIndex: 'typed',
                      render: (t: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{t}</span>,
                    },
                  ]}
                />
              )}
            </>
          ),
          closable: true,
          onCancel: () => resolve('cancel'),
          footer: (
            <Space style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}>
              <Button onClick={() => done('cancel')}>Отмена</Button>
              <Button onClick={() => done('reload')}>Обновить</Button>
              <Button type="primary" danger onClick={() => done('overwrite')}>
                Перезаписать
              </Button>
            </Space>
          ),
        });
      }),
    [modal],
  );

  return useCallback(
    async function save<T>(
      send: (expectedVersion: number | undefined) => Promise<T>,
      version: number,
      options: VersionedSaveOptions,
    ): Promise<{ value: T } | null> {
      const attempt = async (expected: number | undefined): Promise<{ value: T } | { stale: true } | null> => {
        try {
          const value = await send(expected);
          if (options.success) void message.success(options.success);
          return { value };
        } catch (err) {
          if (err instanceof ApiCallError && err.code === 'stale' && expected !== undefined) return { stale: true };
          void message.error(errorText(err));
          return null;
        }
      };
      const first = await attempt(version);
      if (!first || 'value' in first) return first;
      // The comparison is a help, not a condition: if it cannot be loaded the question is asked without it.
      const diffs = options.compare ? await options.compare().catch(() => []) : [];
      const choice = await ask(diffs);
      if (choice === 'reload') {
        await options.onReload();
        void message.info('Форма обновлена: в ней данные, сохранённые последними.');
        return null;
      }
      if (choice === 'cancel') return null;
      const second = await attempt(undefined);
      return second && 'value' in second ? second : null;
    },
    [ask, message],
  );
}

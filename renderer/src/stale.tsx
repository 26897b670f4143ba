/**
 * Saving a form that was opened at a record's version. When someone saved the record in another
 * window (or the browser mode) in between, the API refuses with `stale`; the user then chooses:
 * «Обновить» (load the newer data into the form: their typing is lost, but only by this choice),
 * «Перезаписать» (save theirs over it knowingly: the same call without the version) or «Отмена»
 * (keep the form as typed, e.g. to copy text out). One helper for every form.
 */
import { App, Button, Space } from 'antd';
import { useCallback } from 'react';
import { ApiCallError } from './api';
import { errorText } from './hooks';

type Choice = 'reload' | 'overwrite' | 'cancel';

export interface VersionedSaveOptions {
  /** Shown after a successful save. */
  success?: string;
  /** Loads the record as it is now into the form, with its new version. */
  onReload: () => unknown;
}

/**
 * `save(send, version, options)`: `send(expectedVersion)` makes the API call with the version given
 * (or none, to overwrite). Resolves to `{ value }` once saved, or `null` when nothing was saved.
 */
export function useVersionedSave() {
  const { modal, message } = App.useApp();

  const ask = useCallback(
    () =>
      new Promise<Choice>((resolve) => {
        const done = (choice: Choice) => {
          instance.destroy();
          resolve(choice);
        };
        const instance = modal.confirm({
          title: 'Запись изменена после того, как вы её открыли',
          content:
            'Пока форма была открыта, эту запись сохранили в другом окне программы. «Обновить» — показать новые данные (ваши несохранённые изменения в форме пропадут). «Перезаписать» — сохранить ваши данные поверх чужих.',
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
    async function save<T>(send: (expectedVersion: number | undefined) => Promise<T>, version: number, options: VersionedSaveOptions): Promise<{ value: T } | null> {
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
      const choice = await ask();
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

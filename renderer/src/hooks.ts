/** Loading data from the API into a component, with errors shown as messages, never as stacks. */
import { App } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiCallError } from './api';

export function errorText(err: unknown): string {
  return err instanceof ApiCallError ? err.message : 'Непредвиденная ошибка. Действие не выполнено.';
}

export function useLoad<T>(
  load: () => Promise<T>,
  deps: unknown[],
): { data: T | undefined; loading: boolean; error: string | null; reload: () => Promise<void> } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const loadRef = useRef(load);
  loadRef.current = load;
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setData(await loadRef.current());
      setError(null);
    } catch (err) {
      // A failed load is never silent: the user sees why the screen is empty.
      setError(errorText(err));
      void message.error(errorText(err));
    } finally {
      setLoading(false);
    }
  }, [message]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => void reload(), deps);
  return { data, loading, error, reload };
}

/** Runs an action, shows its error as a message, returns whether it succeeded. */
export function useAction(): (action: () => Promise<unknown>, success?: string) => Promise<boolean> {
  const { message } = App.useApp();
  return useCallback(
    async (action, success) => {
      try {
        await action();
        if (success) void message.success(success);
        return true;
      } catch (err) {
        void message.error(errorText(err));
        return false;
      }
    },
    [message],
  );
}

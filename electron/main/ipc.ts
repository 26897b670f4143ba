/** IPC wiring: one channel, every call checked for its sender (our app:// page only) and its input. */
import { ipcMain } from 'electron';
import { callApi } from '../api/call';
import type { ApiContext } from '../api/define';
import { isTrustedAppUrl } from '../security';

export const API_CHANNEL = 'rmk:api';

export function registerApiIpc(ctx: ApiContext): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, input: unknown) => {
    const url = event.senderFrame?.url;
    if (!url || !isTrustedAppUrl(url))
      return { ok: false, error: { code: 'untrusted_sender', message: 'Запрос отклонён: он пришёл не из окна программы.' } };
    return callApi(ctx, method, input);
  });
}

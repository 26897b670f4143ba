/**
 * The sandboxed preload: exposes exactly one function, `rmk.invoke(method, input)`, to the page.
 * No ipcRenderer, no Node. Sandboxed preloads may import only `electron`, so the channel name is
 * repeated here rather than imported (it must equal API_CHANNEL in ../main/ipc.ts).
 */
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('rmk', {
  invoke: (method: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('rmk:api', method, input),
});

/**
 * Files in the browser mode: a generated file handed to the browser as a download; a picked file
 * streamed to the server (`POST /upload`) and named by its upload id — or, in Electron, read as base64.
 */
import { ApiCallError } from './api';

/** The server's limit (electron/web/uploads.ts, the import's 100 MB; a test keeps the two equal): a larger file is refused here, before sending it. */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function downloadBase64(fileName: string, base64: string, mime: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('Не удалось прочитать файл'));
    reader.readAsDataURL(file);
  });
}

/**
 * A picked file as the API takes it. Electron's IPC carries the bytes well; over HTTP a 100 MB file
 * would not fit one JSON body, so it goes first, as it is, to /upload.
 */
export async function fileInput(file: File): Promise<{ base64: string } | { uploadId: string }> {
  if (file.size > MAX_UPLOAD_BYTES)
    throw new ApiCallError(
      `«${file.name}» слишком большой (${Math.round(file.size / 1048576)} МБ): принимаются файлы до ${MAX_UPLOAD_BYTES / 1048576} МБ.`,
      'too_large',
    );
  if (window.rmk) return { base64: await readBase64(file) };
  let res: Response;
  try {
    res = await fetch('upload', {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream' },
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiCallError('Нет связи с программой. Перезапустите её и повторите действие.', 'transport');
  }
  const result = (await res.json().catch(() => null)) as {
    ok: boolean;
    value?: { uploadId: string };
    error?: { code: string; message: string };
  } | null;
  if (!result?.ok || !result.value)
    throw new ApiCallError(result?.error?.message ?? 'Не удалось передать файл программе.', result?.error?.code ?? 'upload_failed');
  return { uploadId: result.value.uploadId };
}

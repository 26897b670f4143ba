/**
 * The timeline as a file and on paper: the whole picture drawn to a canvas in the page and saved as a
 * PNG (through the desktop's dialog, or as the browser's download), and the printed pages laid out
 * by print CSS (A4 or A3 landscape, the scale repeated on every page).
 */
import { ApiCallError, call } from '../api';
import { downloadBase64 } from '../files';

/** Browsers refuse canvases over 32 767 pixels a side or about 268 million pixels: a longer plan is drawn smaller. */
const MAX_SIDE = 32_000;
const MAX_AREA = 200_000_000;

export async function svgToPngBase64(svg: string, width: number, height: number): Promise<string> {
  const scale = Math.min(1, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  // A data: address, not a blob: one: the page's content security policy allows images from data: only.
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new ApiCallError('Не удалось нарисовать шкалу времени.', 'draw_failed'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.floor(width * scale));
  canvas.height = Math.max(1, Math.floor(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ApiCallError('Не удалось нарисовать шкалу времени.', 'draw_failed');
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png').replace(/^data:[^,]*,/, '');
}

/** Saves the picture: the desktop asks where; the browser mode downloads it. Null when the user cancelled. */
export async function savePng(roadmapId: number, fileName: string, base64: string): Promise<string | null> {
  if (window.rmk) {
    const r = await call('plan.saveTimelinePng', { roadmapId, base64 });
    return r.cancelled ? null : r.path;
  }
  downloadBase64(`${fileName}.png`, base64, 'image/png');
  return `${fileName}.png`;
}

/** Prints the page as laid out for print: through the desktop's print dialog, or the browser's. */
export async function printPage(paper: 'A4' | 'A3'): Promise<void> {
  if (window.rmk) await call('plan.printTimeline', { paper });
  else window.print();
}

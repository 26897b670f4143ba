/**
 * «Сохранить в Excel» of «Сроки»: the list as it stands on the screen — the same filters, the same
 * sort, one line per measure or decision with its summary and dates. Gather (dueTableModel asks
 * db/terms/due.ts, the screen's own query) then render (renderDueTable takes only the model).
 */
import ExcelJS from 'exceljs';
import { STATUS_LABELS } from '../../db/executions';
import type { Db } from '../../db/open';
import { dueItems, type DueFilter, type DueItem } from '../../db/terms/due';
import { ruDate } from '../../db/terms/dates';
import { safeFileName } from '../documents/names';
import { DATE_FORMAT, excelDate, fitRowHeight, FONT, printSetup, restyle, styleBodyCell, styleHeaderCell } from './sheet-style';

export const WINDOW_TITLES: Record<DueFilter['window'], string> = {
  overdue: 'Просрочено',
  week: 'На этой неделе',
  month: 'В этом месяце',
  quarter: 'В этом квартале',
};

export interface DueTableModel {
  filter: DueFilter;
  items: DueItem[];
}

export function dueTableModel(db: Db, filter: DueFilter): DueTableModel {
  return { filter, items: dueItems(db, filter) };
}

const COLUMNS = [
  { header: 'Срок', width: 10 },
  { header: '№', width: 5 },
  { header: 'Мероприятие / решение', width: 30 },
  { header: 'Дорожная карта / протокол', width: 18 },
  { header: 'Срок как написан', width: 14 },
  { header: 'Исполнители', width: 18 },
  { header: 'Отметка', width: 13 },
  { header: 'Просрочено раз', width: 9 },
  { header: 'Следующий срок', width: 10 },
  { header: 'Все даты', width: 25 },
];
const HEADER_ROW = 3;

export async function renderDueTable(model: DueTableModel): Promise<{ fileName: string; data: Buffer }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Дорожные карты РМК';
  const ws = wb.addWorksheet('Сроки', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  const title = `Сроки: ${WINDOW_TITLES[model.filter.window].toLocaleLowerCase('ru-RU')} на ${ruDate(model.filter.today)}`;
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { ...FONT, size: 13, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, COLUMNS.length);
  ws.getCell(2, 1).value = `Строк: ${model.items.length}`;
  ws.getCell(2, 1).font = FONT;
  COLUMNS.forEach((c, i) => styleHeaderCell(Object.assign(ws.getCell(HEADER_ROW, i + 1), { value: c.header })));
  fitRowHeight(
    ws,
    HEADER_ROW,
    COLUMNS.map((c) => c.header),
    COLUMNS.map((c) => c.width),
  );

  model.items.forEach((x, i) => {
    const r = HEADER_ROW + 1 + i;
    const texts = [
      '',
      x.number,
      x.name,
      x.origin,
      // The term as written; how often it was missed has columns of its own.
      x.term,
      x.executors,
      x.status ? STATUS_LABELS[x.status] : 'нет отметки',
      '',
      '',
      x.dates.map((d) => ruDate(d.due)).join(', '),
    ];
    // Numbers stay text as printed («1.», «4. 8»); dates are real dates Excel can sort and filter.
    const numFmt = (c: number) => (c === 0 || (c === 8 && x.nextDue) ? DATE_FORMAT : c === 1 ? '@' : undefined);
    texts.forEach((t, c) => {
      const cell = ws.getCell(r, c + 1);
      if (t) cell.value = t;
      styleBodyCell(cell, { center: c === 1, numFmt: numFmt(c) });
    });
    ws.getCell(r, 1).value = excelDate(x.due);
    ws.getCell(r, 8).value = x.overdueCount;
    if (x.nextDue) ws.getCell(r, 9).value = excelDate(x.nextDue);
    if (x.overdue) restyle(ws.getCell(r, 1), { font: { ...FONT, bold: true, color: { argb: 'FFC00000' } } });
    fitRowHeight(
      ws,
      r,
      texts,
      COLUMNS.map((c) => c.width),
    );
  });
  printSetup(ws, HEADER_ROW);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${safeFileName(`Сроки — ${WINDOW_TITLES[model.filter.window]} на ${ruDate(model.filter.today)}`)}.xlsx`, data };
}

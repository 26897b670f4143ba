/**
 * «Сохранить план в Excel»: the plan table as it stands, for people who need «just the table» —
 * the roadmap's own column captions, numbers as printed, sections as merged bold rows, print-ready.
 * Gather (planTableModel reads the database once) then render (renderPlanTable takes only the model).
 */
import ExcelJS from 'exceljs';
import type { Db } from '../../db/open';
import { getPlan, sectionHeading } from '../../db/plan';
import { type Captions, getRoadmap } from '../../db/roadmaps';
import { clipAtWord, periodText, safeFileName } from '../documents/names';
import { fitRowHeight, FONT, printSetup, styleBodyCell, styleHeaderCell } from './sheet-style';

export interface PlanTableModel {
  title: string;
  period: string;
  captions: Captions;
  rows: ({ kind: 'section'; text: string } | { kind: 'measure'; cells: [string, string, string, string, string] })[];
}

export function planTableModel(db: Db, roadmapId: number): PlanTableModel {
  const roadmap = getRoadmap(db, roadmapId);
  const rows: PlanTableModel['rows'] = [];
  for (const section of getPlan(db, roadmapId)) {
    if (section.title !== null) rows.push({ kind: 'section', text: sectionHeading(section) });
    for (const m of section.measures) rows.push({ kind: 'measure', cells: [m.number, m.name, m.term, m.executors, m.result] });
  }
  return { title: roadmap.title, period: periodText(roadmap.periodStart, roadmap.periodEnd), captions: roadmap.captions, rows };
}

/** 152 units in all: A4 landscape one page wide at 10 pt or more (printSetup in sheet-style.ts). */
const WIDTHS = [8, 56, 20, 30, 38];
const HEADER_ROW = 3;

export async function renderPlanTable(model: PlanTableModel): Promise<{ fileName: string; data: Buffer }> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Дорожные карты РМК';
  const ws = wb.addWorksheet('План мероприятий', { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, WIDTHS.length);
  const title = ws.getCell(1, 1);
  title.value = model.title;
  title.font = { ...FONT, size: 13, bold: true };
  title.alignment = { wrapText: true, horizontal: 'center', vertical: 'middle' };
  fitRowHeight(ws, 1, [model.title], [WIDTHS.reduce((a, b) => a + b, 0)], 1, 13);
  ws.mergeCells(2, 1, 2, WIDTHS.length);
  ws.getCell(2, 1).value = `Период: ${model.period}`;
  ws.getCell(2, 1).font = FONT;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };

  const c = model.captions;
  const header = [c.number, c.name, c.term, c.executors, c.result];
  header.forEach((text, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = text;
    styleHeaderCell(cell);
  });
  fitRowHeight(ws, HEADER_ROW, header, WIDTHS);

  let r = HEADER_ROW;
  for (const row of model.rows) {
    r++;
    if (row.kind === 'section') {
      const cell = ws.getCell(r, 1);
      cell.value = row.text;
      // Styled before the merge, which hands the style to the rest of the row (its borders).
      styleBodyCell(cell, { bold: true });
      ws.mergeCells(r, 1, r, WIDTHS.length);
      fitRowHeight(ws, r, [row.text], [WIDTHS.reduce((a, b) => a + b, 0)]);
      continue;
    }
    // Numbers stay text as printed: «1.», «4. 8», «2.10» must not become 1, 4.8 or 2.1.
    row.cells.forEach((text, i) => {
      const cell = ws.getCell(r, i + 1);
      if (text) cell.value = text;
      styleBodyCell(cell, { center: i === 0, numFmt: i === 0 ? '@' : undefined });
    });
    fitRowHeight(ws, r, row.cells, WIDTHS);
  }
  printSetup(ws, HEADER_ROW);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return { fileName: `${safeFileName(`План — ${clipAtWord(model.title, 80)}`)}.xlsx`, data };
}

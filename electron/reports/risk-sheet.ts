/**
 * The quarterly report's «Риски» sheet: the gaps matrix of the «500+» schools (db/risk-matrix.ts) —
 * «Школа» × risk factor, each verified factor's cell in the words of the «Риски» page
 * (shared/risk-cell.ts), then «Риски без мероприятий». Added only when some school has a profile.
 */
import type ExcelJS from 'exceljs';
import type { Db } from '../../db/open';
import { anyRiskProfile, gatherRiskMatrix } from '../../db/risk-matrix';
import { RISK_LEVEL_LABELS, type RiskLevel } from '../../shared/labels';
import { riskCellText } from '../../shared/risk-cell';
import { fitRowHeight, FONT, printSetup, quarterWords, restyle, styleBodyCell, styleHeaderCell } from './sheet-style';

export const RISK_SHEET = 'Риски';
export const RISK_HEADER_ROW = 4;
const SCHOOL_WIDTH = 26;
const FACTOR_WIDTH = 20;

/** A high risk stands out on paper too; the words say the level, the colour only helps the eye. */
const LEVEL_FILL: Record<RiskLevel, string> = { high: 'FFF8CBAD', medium: 'FFFFE699', low: 'FFE2EFDA' };

export function addRiskSheet(
  wb: ExcelJS.Workbook,
  db: Db,
  req: { quarter: string; roadmapIds?: number[] | undefined; department: string },
): void {
  if (!anyRiskProfile(db)) return;
  const matrix = gatherRiskMatrix(db, { quarter: req.quarter, roadmapIds: req.roadmapIds });
  const ws = wb.addWorksheet(RISK_SHEET);
  const widths = [SCHOOL_WIDTH, ...matrix.factors.map(() => FACTOR_WIDTH)];
  ws.columns = widths.map((width) => ({ width }));
  const last = Math.max(widths.length, 2);
  const line = (row: number, text: string, bold = false) => {
    ws.mergeCells(row, 1, row, last);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...FONT, bold, size: bold ? 12 : 11 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  };
  line(1, req.department, true);
  line(2, `Риски школ «500+» и мероприятия, направленные на них, за ${quarterWords(req.quarter)}`, true);
  const fullWidth = widths.reduce((a, b) => a + b, 0);
  fitRowHeight(ws, 1, [req.department], [fullWidth], 1, 12);
  line(
    3,
    'В клетке верифицированного фактора: уровень риска, число мероприятий, направленных на него и связанных со школой, и сколько из них выполнено в квартале. Пустая клетка — фактор у школы не верифицирован.',
  );
  fitRowHeight(ws, 3, [String(ws.getCell(3, 1).value)], [fullWidth]);

  const headers = ['Школа', ...matrix.factors.map((f) => (f.archived ? `${f.name} (в архиве)` : f.name))];
  headers.forEach((h, i) => {
    const cell = ws.getCell(RISK_HEADER_ROW, i + 1);
    cell.value = h;
    styleHeaderCell(cell);
  });
  fitRowHeight(ws, RISK_HEADER_ROW, headers, widths);
  let row = RISK_HEADER_ROW + 1;
  for (const r of matrix.rows) {
    const texts = [`${r.school} (профиль ${r.year} г.)`];
    const school = ws.getCell(row, 1);
    school.value = texts[0];
    styleBodyCell(school, { bold: true });
    matrix.factors.forEach((f, i) => {
      const c = r.cells.find((x) => x.factorId === f.id);
      const cell = ws.getCell(row, i + 2);
      cell.value = c ? riskCellText(c) : '';
      styleBodyCell(cell, { center: true });
      if (c) restyle(cell, { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: LEVEL_FILL[c.level] } } });
      texts.push(String(cell.value));
    });
    fitRowHeight(ws, row, texts, widths);
    row++;
  }

  row++;
  line(row, matrix.gaps.length ? 'Риски без мероприятий' : 'Риски без мероприятий: нет', true);
  for (const g of matrix.gaps) {
    row++;
    line(row, `${g.school} — ${g.factor} (${RISK_LEVEL_LABELS[g.level]})`);
    fitRowHeight(ws, row, [String(ws.getCell(row, 1).value)], [fullWidth]);
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: RISK_HEADER_ROW }];
  printSetup(ws, RISK_HEADER_ROW);
}

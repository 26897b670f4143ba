/** Reading an .xlsx for import: every visible sheet as one table, merged cells as spans and vertical merges. */
import ExcelJS from 'exceljs';
import { AppError } from '../../db/errors';
import { cellText } from '../files/excel-cell';
import { isOleFile } from './docx-reader';
import { type Block, cleanText, type GridCell } from './grid';

export async function readXlsx(data: Buffer, fileName: string): Promise<{ sheet: string; blocks: Block[] }[]> {
  if (isOleFile(data))
    throw new AppError('xls_or_encrypted', `«${fileName}» — книга в старом формате Excel (.xls) или защищённая паролем. Откройте её в Excel и сохраните как «Книга Excel (.xlsx)» без пароля.`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new AppError('bad_file', `«${fileName}» повреждён или не является книгой Excel (.xlsx). Ничего не импортировано.`, { cause: err });
  }
  return wb.worksheets
    .filter((ws) => ws.state === 'visible')
    .map((ws) => {
      const rows: GridCell[][] = [];
      for (let r = 1; r <= ws.rowCount; r++) {
        const row: GridCell[] = [];
        for (let c = 1; c <= ws.columnCount; c++) {
          const cell = ws.getCell(r, c);
          if (cell.isMerged && cell.master.address !== cell.address) {
            const master = cell.master;
            if (Number(master.row) === r) continue; // covered by the master's span to the left
            row.push({ text: '', span: 1, continued: true });
            continue;
          }
          let span = 1;
          if (cell.isMerged) while (c + span <= ws.columnCount && ws.getCell(r, c + span).isMerged && ws.getCell(r, c + span).master.address === cell.address) span++;
          row.push({ text: cleanText(cellText(cell.value)), span });
        }
        rows.push(row);
      }
      return { sheet: ws.name, blocks: [{ type: 'table' as const, rows }] };
    });
}

/**
 * The quarterly report (electron/reports/quarterly.ts, the call behind «reports.download») for 20
 * roadmaps × 100 measures with marks for most of them, against a floor: bare exceljs writing the
 * same sheets — the summary with the chart, «Ход выполнения» with its line chart, a sheet per roadmap
 * with the same rows of text, the «Данные» sheet as a table — with a few shared style objects, the text
 * read by bare SELECTs. Both draw the charts: the floor draws them once with the app's own renderers
 * (electron/reports/chart.ts, progress-chart.ts),
 * so the ratio measures how the app writes the cells, not how it paints a PNG.
 */
import ExcelJS from 'exceljs';
import { argb, barChartPng } from '../../../electron/reports/chart';
import { buildQuarterlyReport, reportSelections } from '../../../electron/reports/quarterly';
import { progressByQuarter } from '../../../db/progress';
import { progressChartPng } from '../../../electron/reports/progress-chart';
import { progressLines } from '../../../electron/reports/progress-sheet';
import { closeDatabase, freshDb } from '../../helpers';
import { seedPlans } from '../data';
import { type BenchCases, compare } from '../harness';

/** A quarter every seeded measure falls in (due, running or still open) — less those whose only dates are past and marked done: 1 785 of 2 000. */
const QUARTER = '2025-Q1';
const STATUSES = ['done', 'done_late', 'in_progress', 'not_done', 'postponed', 'not_started'] as const;
const LABELS: Record<string, string> = {
  not_started: 'не начато',
  in_progress: 'в работе',
  done: 'выполнено',
  done_late: 'выполнено с нарушением срока',
  not_done: 'не выполнено',
  postponed: 'перенесено',
};
const RESULTS = [
  'Проведён анализ, подготовлена аналитическая справка, рекомендации направлены в ОО',
  'Курсы прошли 27 педагогов из 30, удостоверения представлены',
  'Семинар проведён 14 марта, приняли участие 42 педагога из 9 школ',
  'Работа продолжается, промежуточные итоги подведены на совещании руководителей',
];
const EVIDENCE = ['Приказ УО № 45 от 12.03.2025', 'Протокол заседания № 3', 'Аналитическая справка на сайте УО', ''];
const NOTES = ['', 'Перенесено в связи с карантином', 'Не все школы представили информацию в срок', ''];

const COLUMNS = [
  ['№ п/п', 6],
  ['Мероприятие', 30],
  ['Срок (как в дорожной карте)', 14],
  ['Ответственные', 17],
  ['Плановый результат', 20],
  ['Отметка о выполнении', 14],
  ['Достигнутый результат', 20],
  ['Подтверждающие документы', 17],
  ['Примечание / причины невыполнения', 16],
] as const;
const DATA_HEADERS = [
  'Район',
  'Код района',
  'Квартал',
  'ID карты',
  'Дорожная карта',
  'Раздел',
  'ID мероприятия',
  '№',
  'Мероприятие',
  'Срок',
  'Сроки в квартале',
  'Код статуса',
  'Статус',
  'Достигнутый результат',
  'Подтверждающие документы',
  'Примечание',
  'Заполнил(а)',
  'Дата отметки',
];
const KEYS = ['done', 'done_late', 'in_progress', 'not_done', 'postponed', 'none'];

const cases: BenchCases = async () => {
  const db = freshDb();
  const ids = seedPlans(db, 2000, 100);
  // Marks for six measures in seven: one bare INSERT, statuses and texts varied.
  db.sqlite
    .prepare(
      `INSERT INTO executions (measure_id, quarter, status, result, evidence, note)
       SELECT id, ?, CASE id % 6 ${STATUSES.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END,
              CASE id % 4 ${RESULTS.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END,
              CASE id % 4 ${EVIDENCE.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END,
              CASE id % 4 ${NOTES.map((s, i) => `WHEN ${i} THEN '${s}'`).join(' ')} END
         FROM measures WHERE id % 7 <> 0`,
    )
    .run(QUARTER);

  const roadmapsQ = db.sqlite.prepare('SELECT id, title FROM roadmaps ORDER BY id');
  const sectionsQ = db.sqlite.prepare('SELECT id, number, title FROM sections WHERE roadmap_id = ? ORDER BY position');
  const measuresQ = db.sqlite.prepare(
    `SELECT m.id, m.section_id AS sectionId, m.number, m.name, m.term, m.executors, m.result AS planned,
            x.status, x.result, x.evidence, x.note, x.filled_by AS filledBy, x.updated_at AS updatedAt
       FROM measures m JOIN sections s ON s.id = m.section_id LEFT JOIN executions x ON x.measure_id = m.id AND x.quarter = ?
      WHERE m.roadmap_id = ? ORDER BY s.position, m.position`,
  );
  type Row = {
    id: number;
    sectionId: number;
    number: string;
    name: string;
    term: string;
    executors: string;
    planned: string;
    status: string | null;
    result: string | null;
    evidence: string | null;
    note: string | null;
    filledBy: string | null;
    updatedAt: string | null;
  };

  // Which measures the quarter covers is the app's rule (db/quarter-selection.ts: a done mark closes
  // a past due date); the floor takes the same ones, looked up once here, so both write the same rows.
  const reported = new Set(
    reportSelections(db, { quarter: QUARTER }).flatMap((sel) => sel.rows.flatMap((r) => (r.measure ? [r.measure.id] : []))),
  );

  // The share done by quarter is the app's rule too (db/progress.ts): the floor writes the same
  // figures, worked out once here, and draws their line chart with the app's renderer as it does the bars.
  const progress = progressLines(
    progressByQuarter(db, { roadmapIds: reportSelections(db, { quarter: QUARTER }).map((s) => s.roadmap.id), upTo: QUARTER }),
  );

  const app = async () => (await buildQuarterlyReport(db, { quarter: QUARTER, date: '2025-04-05', preparedBy: 'Иванова И. И.' })).data;

  const floor = async () => {
    const font = Object.freeze({ name: 'Times New Roman', size: 11 });
    const bold = Object.freeze({ ...font, bold: true });
    const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
    const border = Object.freeze({ top: thin, left: thin, bottom: thin, right: thin });
    const wrap = Object.freeze({ wrapText: true, vertical: 'top' as const });
    const head = Object.freeze({ wrapText: true, vertical: 'middle' as const, horizontal: 'center' as const });
    const fill = Object.freeze({ type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE7E6E6' } });
    // Whole style objects shared by every cell of a kind: exceljs registers a style once per object.
    const headStyle = Object.freeze({ font: bold, alignment: head, border, fill });
    const bodyStyle = Object.freeze({ font, alignment: wrap, border });
    const sectionStyle = Object.freeze({ font: bold, alignment: wrap, border });
    const textStyle = Object.freeze({ font });
    const dateStyle = Object.freeze({ font, numFmt: 'dd.mm.yyyy' });
    const setup = { paperSize: 9, orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };

    const wb = new ExcelJS.Workbook();
    const summary = wb.addWorksheet('Сводка');
    const data: unknown[][] = [];
    const lines: { title: string; counts: Record<string, number> }[] = [];
    for (const rm of roadmapsQ.all() as { id: number; title: string }[]) {
      const ws = wb.addWorksheet(rm.title.slice(0, 28).trim() + ` ${rm.id}`);
      ws.columns = COLUMNS.map(([, width]) => ({ width }));
      ws.pageSetup = setup;
      ws.mergeCells(1, 1, 1, 9);
      ws.getCell(1, 1).value = 'Отдел образования';
      ws.getCell(1, 1).font = bold;
      ws.mergeCells(2, 1, 2, 9);
      ws.getCell(2, 1).value = `Отчёт о реализации: ${rm.title}`;
      ws.getCell(2, 1).font = bold;
      const header = ws.getRow(8);
      COLUMNS.forEach(([text], i) => {
        const c = header.getCell(i + 1);
        c.value = text;
        c.style = headStyle;
      });
      const titles = new Map((sectionsQ.all(rm.id) as { id: number; number: string; title: string }[]).map((s) => [s.id, s]));
      const counts: Record<string, number> = Object.fromEntries(KEYS.map((k) => [k, 0]));
      let section: number | null = null;
      let r = 9;
      for (const m of measuresQ.all(QUARTER, rm.id) as Row[]) {
        if (!reported.has(m.id)) continue;
        const s = titles.get(m.sectionId)!;
        if (m.sectionId !== section) {
          section = m.sectionId;
          ws.mergeCells(r, 1, r, 9);
          const c = ws.getCell(r++, 1);
          c.value = `${s.number}. ${s.title}`;
          c.style = sectionStyle;
        }
        counts[!m.status || m.status === 'not_started' ? 'none' : m.status]!++;
        const values = [
          m.number,
          m.name,
          m.term,
          m.executors,
          m.planned,
          m.status ? LABELS[m.status]! : '',
          m.result ?? '',
          m.evidence ?? '',
          m.note ?? '',
        ];
        const row = ws.getRow(r++);
        values.forEach((v, i) => {
          const c = row.getCell(i + 1);
          c.value = v;
          c.style = bodyStyle;
        });
        data.push([
          '',
          '',
          QUARTER,
          rm.id,
          rm.title,
          `${s.number}. ${s.title}`,
          m.id,
          m.number,
          m.name,
          m.term,
          '',
          m.status ?? '',
          m.status ? LABELS[m.status]! : '',
          m.result ?? '',
          m.evidence ?? '',
          m.note ?? '',
          m.filledBy ?? '',
          m.updatedAt ? new Date(`${m.updatedAt.slice(0, 10)}T00:00:00Z`) : null,
        ]);
      }
      lines.push({ title: rm.title, counts });
    }
    summary.columns = [{ width: 60 }, ...Array.from({ length: 8 }, () => ({ width: 14 }))];
    ['Дорожная карта', 'Мероприятий в отчёте', ...KEYS, 'Доля выполненных'].forEach((h, i) => {
      const c = summary.getCell(5, i + 1);
      c.value = h;
      c.style = headStyle;
    });
    lines.forEach((l, i) => {
      const total = KEYS.reduce((n, k) => n + l.counts[k]!, 0);
      [l.title, total, ...KEYS.map((k) => l.counts[k]!), (l.counts.done! + l.counts.done_late!) / total].forEach((v, c) => {
        const cell = summary.getCell(6 + i, c + 1);
        cell.value = v;
        cell.style = bodyStyle;
      });
    });
    const image = wb.addImage({ buffer: barChartPng(lines, KEYS, 720, { values: true }) as unknown as ExcelJS.Buffer, extension: 'png' });
    summary.addImage(image, { tl: { col: 0, row: lines.length + 8 }, ext: { width: 720, height: lines.length * 32 + 10 } });
    KEYS.forEach(
      (k, i) => (summary.getCell(lines.length + 30, i + 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(k) } }),
    );

    const progressSheet = wb.addWorksheet('Ход выполнения');
    progressSheet.columns = [{ width: 14 }, ...progress.map(() => ({ width: 16 }))];
    progressSheet.getCell(5, 1).value = 'Квартал';
    progressSheet.getCell(5, 2).value = 'Доля выполненных, %';
    progress.forEach((s, i) => {
      const c = progressSheet.getCell(6, i + 2);
      c.value = s.title;
      c.style = headStyle;
    });
    progress[0]!.points.forEach((p, r) => {
      const row = progressSheet.getRow(7 + r);
      row.getCell(1).value = p.label;
      progress.forEach((s, i) => {
        const share = s.points[r]?.share ?? null;
        const c = row.getCell(i + 2);
        c.value = share === null ? null : Math.round(share * 1000) / 10;
        c.style = bodyStyle;
      });
    });
    const progressImage = wb.addImage({ buffer: progressChartPng(progress, 720, 300) as unknown as ExcelJS.Buffer, extension: 'png' });
    progressSheet.addImage(progressImage, { tl: { col: 0, row: 8 + progress[0]!.points.length }, ext: { width: 720, height: 300 } });

    const ws = wb.addWorksheet('Данные');
    ws.addTable({
      name: 'RMK_Data',
      ref: 'A1',
      headerRow: true,
      style: { theme: 'TableStyleLight9', showRowStripes: true },
      columns: DATA_HEADERS.map((name) => ({ name, filterButton: true })),
      rows: data,
    });
    // The same fonts as the app's «Данные» rows, as shared styles (a cell without one costs exceljs more).
    for (let r = 2; r <= data.length + 1; r++) {
      const row = ws.getRow(r);
      for (let c = 1; c <= DATA_HEADERS.length; c++) row.getCell(c).style = c === DATA_HEADERS.length ? dateStyle : textStyle;
    }
    return Buffer.from(await wb.xlsx.writeBuffer());
  };

  const [a, f] = [await app(), await floor()];
  const result = await compare({
    name: 'quarterly report XLSX, 20 roadmaps × 100 measures',
    floorName: 'bare exceljs, same sheets, shared styles, chart drawn once',
    goal: 1.5,
    runs: 9,
    app,
    floor,
    extra: { roadmaps: ids.length, measures: reported.size, appKB: Math.round(a.length / 1024), floorKB: Math.round(f.length / 1024) },
  });
  closeDatabase(db);
  return [result];
};
export default cases;

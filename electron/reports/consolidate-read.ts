/**
 * Reading one district's quarterly report for the region's consolidation, without trusting it: the
 * bounded reader of electron/files/xlsx-book.ts, the marker checked before anything is taken. A
 * report of this app has the sheet «Данные» (./data-sheet.ts); one made before it existed is read
 * from its roadmap sheets (./quarterly.ts's layout) with a warning. Anything else is refused by name.
 */
import { AppError } from '../../db/errors';
import { parseStatus } from '../../db/executions';
import { STATUS_LABELS } from '../../shared/labels';
import { QUARTER_RE } from '../../shared/quarters';
import { type BookSheet, readBook } from '../files/xlsx-book';
import {
  DATA_COLUMNS,
  DATA_HEADERS,
  DATA_SHEET,
  type DataRow,
  readReportMeta,
  REPORT_FORMAT,
  REPORT_MARKER,
  REPORT_META_SHEET,
} from './data-sheet';
import { HEADER_ROW, REPORT_COLUMNS } from './quarterly';
import { INDICATOR_DATA_COLUMNS, INDICATOR_DATA_HEADERS, INDICATOR_DATA_SHEET, type IndicatorDataRow } from './indicator-data-sheet';
import { ACHIEVEMENT_LABELS, ACHIEVEMENTS, type Achievement, INDICATOR_DIRECTIONS } from '../../shared/labels';
import { parseIndicatorValue } from '../../shared/indicators';

export interface ReadReport {
  file: string;
  districtName: string;
  districtCode: string;
  quarter: string;
  /** The report's own date, 'YYYY-MM-DD' ('' when unknown). */
  date: string;
  /** When the file was made (ISO time; '' for reports of older versions). */
  created: string;
  rows: DataRow[];
  /** The «Данные — индикаторы» rows; none in a report without indicators or of an older version. */
  indicators: IndicatorDataRow[];
  warnings: string[];
}

const TAIL = 'Из него ничего не взято.';
const notReport = (file: string) =>
  new AppError(
    'not_report',
    `Файл «${file}» — не квартальный отчёт программы «Дорожные карты РМК» (в нём нет листа «${DATA_SHEET}» и листов дорожных карт). ${TAIL}`,
  );

/** 'ДД.ММ.ГГГГ' (as the book reader shows a date cell) → 'YYYY-MM-DD'; '' for anything else. */
export function isoOf(text: string): string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2]}-${m[1]}` : '';
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

export function readDistrictReport(file: string, data: Buffer): ReadReport {
  const damaged = () => new AppError('damaged_report', `Файл «${file}» повреждён или это не книга Excel (.xlsx). ${TAIL}`);
  const sheets = readBook(data, { fileName: file, wanted: () => true, damaged, tail: TAIL });
  const at = (s: BookSheet, r: number, c: number) => s.rows.get(r)?.get(c)?.trim() ?? '';
  const metaSheet = sheets.find((s) => s.name === REPORT_META_SHEET);
  const meta = metaSheet ? readReportMeta((r, c) => at(metaSheet, r, c)) : null;
  if (metaSheet && at(metaSheet, 1, 1) === REPORT_MARKER && meta && !(meta.format <= REPORT_FORMAT))
    throw new AppError(
      'report_from_future',
      `Отчёт «${file}» сделан более новой версией программы (формат ${at(metaSheet, 1, 2)}). Обновите программу. ${TAIL}`,
    );
  const dataSheet = sheets.find((s) => s.name === DATA_SHEET);
  if (meta && dataSheet) {
    const report = fromDataSheet(file, meta, dataSheet, at);
    const indicatorSheet = sheets.find((s) => s.name === INDICATOR_DATA_SHEET);
    if (indicatorSheet) fromIndicatorSheet(report, indicatorSheet, at);
    return report;
  }
  return fromRoadmapSheets(file, sheets, at);
}

function fromDataSheet(
  file: string,
  meta: NonNullable<ReturnType<typeof readReportMeta>>,
  sheet: BookSheet,
  at: (s: BookSheet, r: number, c: number) => string,
): ReadReport {
  const headers = DATA_HEADERS.map((_, i) => at(sheet, 1, i + 1));
  if (headers.some((h, i) => h !== DATA_HEADERS[i]))
    throw new AppError(
      'bad_columns',
      `В отчёте «${file}» изменены столбцы листа «${DATA_SHEET}» (ожидались: ${DATA_HEADERS.join(', ')}). ${TAIL}`,
    );
  if (!QUARTER_RE.test(meta.quarter)) throw notReport(file);
  const rows: DataRow[] = [];
  const maxRow = Math.max(1, ...sheet.rows.keys());
  for (let r = 2; r <= maxRow; r++) {
    const cells = DATA_COLUMNS.map((_, i) => at(sheet, r, i + 1));
    if (cells.every((c) => c === '')) continue;
    const v = Object.fromEntries(DATA_COLUMNS.map((c, i) => [c.key, cells[i]!])) as Record<keyof DataRow, string>;
    const id = (s: string) => (/^\d+$/.test(s) ? Number(s) : null);
    // The code is what counts; a hand-edited label alone is read as the app reads a school's answer.
    const code = v.statusCode in STATUS_LABELS ? v.statusCode : (parseStatus(v.status) ?? '');
    rows.push({
      ...v,
      district: meta.districtName || v.district,
      districtCode: meta.districtCode || v.districtCode,
      quarter: meta.quarter,
      roadmapId: id(v.roadmapId),
      measureId: id(v.measureId),
      dueInQuarter: v.dueInQuarter
        .split(/[,;\s]+/)
        .map(isoOf)
        .filter(Boolean),
      statusCode: code,
      status: code ? STATUS_LABELS[code as keyof typeof STATUS_LABELS] : v.status,
      markedAt: isoOf(v.markedAt) || null,
    });
  }
  return {
    file,
    districtName: meta.districtName,
    districtCode: meta.districtCode,
    quarter: meta.quarter,
    date: meta.date,
    created: meta.created,
    rows,
    indicators: [],
    warnings: [],
  };
}

/**
 * The indicator rows, when the report has them. Changed columns cost the indicators only, with a
 * warning: the measures, the report's main matter, are still taken.
 */
function fromIndicatorSheet(report: ReadReport, sheet: BookSheet, at: (s: BookSheet, r: number, c: number) => string): void {
  const headers = INDICATOR_DATA_HEADERS.map((_, i) => at(sheet, 1, i + 1));
  if (headers.some((h, i) => h !== INDICATOR_DATA_HEADERS[i])) {
    report.warnings.push(
      `В отчёте «${report.file}» изменены столбцы листа «${INDICATOR_DATA_SHEET}»: индикаторы района не взяты, мероприятия сведены.`,
    );
    return;
  }
  const maxRow = Math.max(1, ...sheet.rows.keys());
  const id = (s: string) => (/^\d+$/.test(s) ? Number(s) : null);
  for (let r = 2; r <= maxRow; r++) {
    const cells = INDICATOR_DATA_COLUMNS.map((_, i) => at(sheet, r, i + 1));
    if (cells.every((c) => c === '')) continue;
    const v = Object.fromEntries(INDICATOR_DATA_COLUMNS.map((c, i) => [c.key, cells[i]!])) as Record<keyof IndicatorDataRow, string>;
    const code: Achievement = (ACHIEVEMENTS as readonly string[]).includes(v.achievementCode)
      ? (v.achievementCode as Achievement)
      : 'no_data';
    report.indicators.push({
      ...v,
      district: report.districtName || v.district,
      districtCode: report.districtCode || v.districtCode,
      quarter: report.quarter,
      roadmapId: id(v.roadmapId),
      indicatorId: id(v.indicatorId),
      directionCode: (INDICATOR_DIRECTIONS as readonly string[]).includes(v.directionCode)
        ? (v.directionCode as IndicatorDataRow['directionCode'])
        : '',
      schoolId: id(v.schoolId),
      baseline: parseIndicatorValue(v.baseline),
      baselineYear: id(v.baselineYear),
      target: parseIndicatorValue(v.target),
      actual: parseIndicatorValue(v.actual),
      computed: v.computed === 'да',
      achievementCode: code,
      achievement: ACHIEVEMENT_LABELS[code],
    });
  }
}

/** A report of an older version: the roadmap sheets' header and measure rows (no ids, no due dates). */
function fromRoadmapSheets(file: string, sheets: BookSheet[], at: (s: BookSheet, r: number, c: number) => string): ReadReport {
  const roadmapSheets = sheets.filter(
    (s) => s.state === 'visible' && REPORT_COLUMNS.every((c, i) => at(s, HEADER_ROW, i + 1) === c.header),
  );
  if (!roadmapSheets.length) throw notReport(file);
  const first = roadmapSheets[0]!;
  const period = /^Отчётный период:\s*(I{1,3}|IV)\s+квартал\s+(\d{4})/.exec(at(first, 4, 1));
  if (!period) throw notReport(file);
  const quarter = `${period[2]}-Q${ROMAN[period[1]!]}`;
  const districtName = at(first, 1, 1);
  const rows: DataRow[] = [];
  for (const s of roadmapSheets) {
    const roadmap = at(s, 2, 1).replace(/^Отчёт о реализации:\s*/, '');
    let section = '';
    const maxRow = Math.max(HEADER_ROW, ...s.rows.keys());
    for (let r = HEADER_ROW + 1; r <= maxRow; r++) {
      const c = (col: number) => at(s, r, col);
      if (REPORT_COLUMNS.every((_, i) => !c(i + 1))) continue;
      if (REPORT_COLUMNS.slice(1).every((_, i) => !c(i + 2))) {
        section = c(1);
        continue;
      }
      const code = parseStatus(c(6)) ?? '';
      rows.push({
        district: districtName,
        districtCode: '',
        quarter,
        roadmapId: null,
        roadmap,
        section,
        measureId: null,
        number: c(1),
        name: c(2),
        term: c(3),
        dueInQuarter: [],
        statusCode: code,
        status: code ? STATUS_LABELS[code] : c(6),
        result: c(7),
        evidence: c(8),
        note: c(9),
        filledBy: '',
        markedAt: null,
      });
    }
  }
  return {
    file,
    districtName,
    districtCode: '',
    quarter,
    date: isoOf(at(first, 5, 3)),
    created: '',
    rows,
    indicators: [],
    warnings: [
      `Отчёт «${file}» сделан прежней версией программы (без листа «${DATA_SHEET}»): прочитан по листам дорожных карт; район взят из шапки («${districtName.slice(0, 120)}»), сроков в квартале и ID в нём нет, поэтому просроченные мероприятия этого района не определены.`,
    ],
  };
}

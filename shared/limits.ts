/**
 * Every limit of the program in one list. Pure (no Node, no DOM): the renderer's forms (character
 * counters and refusals), the API schemas, the imports and the readers all count against the same numbers.
 * No real roadmap reaches any of them; they keep a pasted novel, a damaged file or a crafted one out.
 */

/** Text fields: a name or number, a paragraph, a long text (goal, result, a school's answer). */
export const LIMITS = { short: 500, medium: 2000, long: 20000 } as const;

/** Dates and periods: a year outside this span is a typo (0202, 20224) or an attack, never a plan. */
export const DATE_LIMITS = { minYear: 1900, maxYear: 2100, maxPeriodYears: 50, maxDueDates: 5000 } as const;

/** What the readers of .docx, .xlsx and pasted text accept, counted in what the file really holds. */
export const FILE_LIMITS = {
  /** An imported file as it comes (a roadmap with pictures is a few megabytes). */
  fileBytes: 100 * 1024 * 1024,
  /** Everything unpacked from one archive: a zip bomb stops here, whatever the archive claims. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Files inside one archive. */
  zipEntries: 10_000,
  paragraphs: 200_000,
  rows: 50_000,
  /** Filled cells (table cells of a document, non-empty cells of a book). */
  cells: 500_000,
  /** Tags in one XML part: what the time to read a part grows with (a real sheet has a few hundred thousand). */
  xmlElements: 2_000_000,
  /** Tables inside tables (Word allows it; a real plan has one or two levels). */
  nesting: 20,
  /** Characters of one cell or paragraph as read (a field stores at most LIMITS.long of them). */
  cellChars: 1_000_000,
  /** Pasted text, in characters. */
  pastedChars: 20 * 1024 * 1024,
  measures: 20_000,
  /** Filled-in school forms read in one go. */
  answerFiles: 100,
} as const;

/** «200 000» as Russians write it (a space between thousands). */
export const formatLimit = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');

/** The refusal, the same in the form and from the API: what is allowed and how long the text is now. */
export function tooLongMessage(max: number, length: number): string {
  return `Не более ${max} символов (сейчас ${length})`;
}

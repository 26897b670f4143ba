/** Statuses as schools type them in returned forms: read as a methodist would read them. */
import { describe, expect, it } from 'vitest';
import { parseStatus, statusRemark } from '../../db/executions';

const CASES: [string, ReturnType<typeof parseStatus>][] = [
  ['выполнено', 'done'],
  ['Выполнено.', 'done'],
  ['проведено', 'done'],
  ['выполнено с нарушением срока', 'done_late'],
  ['выполнено не в срок', 'done_late'],
  ['Выполнено не в срок (перенос ВПР)', 'done_late'],
  ['выполнено после срока', 'done_late'],
  ['выполнено с опозданием', 'done_late'],
  ['выполнено с просрочкой', 'done_late'],
  ['выполнено частично', 'in_progress'],
  ['частично выполнено', 'in_progress'],
  ['в процессе', 'in_progress'],
  ['не выполнено', 'not_done'],
  ['невыполнено', 'not_done'],
  ['не начато', 'not_started'],
  ['перенесено на II квартал', 'postponed'],
  ['', null],
  ['   ', null],
  ['спросить у директора', undefined],
];

describe('a status typed in a form', () => {
  it.each(CASES)('«%s» is read as %s', (text, code) => expect(parseStatus(text)).toBe(code));

  it("«выполнено частично» keeps the school's words in the note; ordinary statuses add nothing", () => {
    expect(statusRemark('Выполнено частично')).toBe('Отметка школы: «Выполнено частично»');
    expect(statusRemark('выполнено')).toBeNull();
    expect(statusRemark('выполнено не в срок')).toBeNull();
  });
});

/** The numbering pattern: reading numbers as printed and continuing them after an insert, delete or move. */
import { describe, expect, test } from 'vitest';
import { continueNumbering, dominantShape, formatNumber, movedKeys, readNumber, withSectionNumber } from '../../shared/numbering';

const rows = (numbers: string[]) => numbers.map((number, i) => ({ key: i + 1, number }));
/** The group's numbers after an edit, in the new order. */
function after(before: string[], order: (number | string)[]): string[] {
  const old = rows(before);
  // A string in `order` is a new row with that number ('' = to be numbered), keyed 100+.
  const next = order.map((k, i) => (typeof k === 'number' ? old[k - 1]! : { key: 100 + i, number: k }));
  const { changes } = continueNumbering(old, next);
  return next.map((r) => changes.get(r.key) ?? r.number);
}

describe('readNumber and formatNumber keep the number as printed', () => {
  test.each([
    ['1.', { prefix: '', kind: 'arabic', value: 1, suffix: '.' }, '2.'],
    ['1.1', { prefix: '1.', kind: 'arabic', value: 1, suffix: '' }, '1.2'],
    ['1.3.', { prefix: '1.', kind: 'arabic', value: 3, suffix: '.' }, '1.4.'],
    ['4. 8', { prefix: '4. ', kind: 'arabic', value: 8, suffix: '' }, '4. 9'],
    ['4.8.', { prefix: '4.', kind: 'arabic', value: 8, suffix: '.' }, '4.9.'],
    ['IV', { prefix: '', kind: 'roman', value: 4, suffix: '' }, 'V'],
    ['II.', { prefix: '', kind: 'roman', value: 2, suffix: '.' }, 'III.'],
    ['а)', { prefix: '', kind: 'cyrillic', value: 1, suffix: ')' }, 'б)'],
    ['и)', { prefix: '', kind: 'cyrillic', value: 9, suffix: ')' }, 'к)'],
    ['2.10', { prefix: '2.', kind: 'arabic', value: 10, suffix: '' }, '2.11'],
    ['31.', { prefix: '', kind: 'arabic', value: 31, suffix: '.' }, '32.'],
  ])('%s', (text, parts, next) => {
    const p = readNumber(text);
    expect(p).toEqual(parts);
    expect(formatNumber(p!, p!.value)).toBe(text);
    expect(formatNumber(p!, p!.value + 1)).toBe(next);
  });

  test.each(['', '   ', '*', '1а', '2б.', 'IIII', '—'])('«%s» is not a number to continue', (text) => {
    expect(readNumber(text)).toBeNull();
  });

  test('the shape ignores the section part, spaces and the trailing dot, not the depth', () => {
    expect(dominantShape(['2.1', '2. 3', '2.9.'])).toBe(dominantShape(['3.1']));
    expect(dominantShape(['1.', '2.', '5.1.', '3.'])).not.toBe(dominantShape(['5.1.']));
  });
});

describe('continueNumbering', () => {
  // Numbers from the district's imports: zeya-2022-roadmap.docx (1. … 31.), tambov.docx, ulchsky.docx.
  const zeya = Array.from({ length: 31 }, (_, i) => `${i + 1}.`);

  test('an insert after «3.» gives «4.» and shifts the rest (Zeya)', () => {
    const order: (number | string)[] = [1, 2, 3, '', ...zeya.slice(3).map((_, i) => i + 4)];
    const out = after(zeya, order);
    expect(out.slice(0, 6)).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    expect(out.at(-1)).toBe('32.');
  });

  test('an insert after «4. 8» gives «4. 9» and shifts the rest of the section', () => {
    expect(after(['4. 7', '4. 8', '4. 9', '4. 10'], [1, 2, '', 3, 4])).toEqual(['4. 7', '4. 8', '4. 9', '4. 10', '4. 11']);
  });

  test('ulchsky: mixed trailing dots keep their own style', () => {
    expect(after(['1.1', '1.2', '1.3.', '1.4.'], [1, '', 2, 3, 4])).toEqual(['1.1', '1.2', '1.3', '1.4.', '1.5.']);
  });

  test('a delete closes the gap; a move renumbers what moved', () => {
    expect(after(['1.', '2.', '3.', '4.'], [1, 3, 4])).toEqual(['1.', '2.', '3.']);
    expect(after(['1.', '2.', '3.', '4.'], [4, 1, 2, 3])).toEqual(['1.', '2.', '3.', '4.']);
    expect(after(['1.1', '1.2', '1.3'], [1, 3, 2])).toEqual(['1.1', '1.2', '1.3']);
  });

  test('hand-made gaps are kept and a new row takes the next free number (tambov)', () => {
    expect(after(['1.1', '1.4', '1.10'], [1, '', 2, 3])).toEqual(['1.1', '1.2', '1.4', '1.10']);
    expect(after(['2.1', '2. 3', '2.9'], [1, 2, '', 3])).toEqual(['2.1', '2. 3', '2. 4', '2.9']);
    // Inserted until the sequence runs into a kept number: that one moves on too.
    expect(after(['1.1', '1.2', '1.4'], [1, 2, '', 3])).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(after(['1.1', '1.2', '1.3', '1.5'], [1, 2, 3, '', 4])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
    expect(after(['1.1', '1.2', '1.3', '1.4'], [1, 2, 3, '', 4])).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5']);
  });

  test('«5.1.» inside «5.» and empty numbers stay; the count goes on past them', () => {
    expect(after(['4.', '5.', '5.1.', '6.', ''], [1, 2, 3, '', 4, 5])).toEqual(['4.', '5.', '5.1.', '6.', '7.', '']);
    expect(after(['1.', '', '2.'], ['', 1, 2, 3])).toEqual(['1.', '2.', '', '3.']);
  });

  test('a number typed by hand is honoured, the ones that followed shift from it', () => {
    expect(after(['1.', '2.', '3.'], [1, '2.', 2, 3])).toEqual(['1.', '2.', '3.', '4.']);
    expect(after(['1.', '2.'], [1, '7а', 2])).toEqual(['1.', '7а', '2.']);
  });

  test('Roman sections and letters', () => {
    expect(after(['I.', 'II.', 'III.'], [1, 2, '', 3])).toEqual(['I.', 'II.', 'III.', 'IV.']);
    expect(after(['I', 'II', 'III', 'IV'], [1, '', 2, 3, 4])).toEqual(['I', 'II', 'III', 'IV', 'V']);
    expect(after(['а)', 'б)', 'в)'], ['', 1, 2, 3])).toEqual(['а)', 'б)', 'в)', 'г)']);
  });

  test('numbering through the plan: the next section starts where the previous ended', () => {
    const r = continueNumbering(rows(['4.', '5.']), [{ key: 0, number: '' }, ...rows(['4.', '5.'])], { startBefore: 3, startAfter: 3 });
    expect([...r.changes.entries()]).toEqual([
      [0, '4.'],
      [1, '5.'],
      [2, '6.'],
    ]);
    expect(r.last).toBe(6);
  });

  test('a row brought from another group takes this group’s next number, whatever its shape', () => {
    const r = continueNumbering(rows(['2.1', '2.2']), [...rows(['2.1', '2.2']), { key: 9, number: '5.' }], { movedIn: new Set([9]) });
    expect(r.changes.get(9)).toBe('2.3');
  });

  test('an empty group takes the template', () => {
    const r = continueNumbering([], [{ key: 1, number: '' }], { template: readNumber('3.1') });
    expect(r.changes.get(1)).toBe('3.1');
  });
});

test('movedKeys: one dragged row, not the rows it jumped over', () => {
  expect([...movedKeys([1, 2, 3, 4, 5], [5, 1, 2, 3, 4])]).toEqual([5]);
  expect([...movedKeys([1, 2, 3, 4, 5], [1, 3, 4, 2, 5])]).toEqual([2]);
});

test('a measure number follows its section’s number', () => {
  expect(withSectionNumber('2.1', '2', '3')).toBe('3.1');
  expect(withSectionNumber('2. 3', '2.', '3.')).toBe('3. 3');
  expect(withSectionNumber('21.1', '2', '3')).toBe('21.1');
  expect(withSectionNumber('1.', 'II', 'III')).toBe('1.');
});

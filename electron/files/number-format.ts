/**
 * The text Excel shows for a number cell, from the cell's number format: a measure number typed as
 * the number 4.1 in a cell formatted «0.00» reads «4.10», as the person saw it — not «4.1», which
 * would silently duplicate the measure 4.1. Covers the formats people give such cells (General, «0»,
 * «0.00», «#,##0.0», «0%», literal text around the digits); anything else (fractions, exponents) is
 * read as the plain number, as before.
 */

/** Built-in number formats by id (ECMA-376 §18.8.30), the non-date ones. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  49: '@',
};

export function builtInFormat(id: number): string | undefined {
  return BUILT_IN[id];
}

const plain = (value: number) => String(value);

/** `value` rounded to `digits` decimals the way Excel shows it (decimal rounding, half away from zero). */
function fixed(value: number, digits: number): string {
  const exact = Number(value.toPrecision(15));
  if (/e/i.test(String(exact))) return exact.toFixed(digits);
  const rounded = Math.round(Number(`${exact}e${digits}`));
  return (Number(`${rounded}e-${digits}`) || 0).toFixed(digits);
}

export function formatNumber(value: number, code: string | undefined): string {
  if (!Number.isFinite(value) || !code) return plain(value);
  const sections = code.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  let section = sections[0]!;
  let v = value;
  if (value < 0 && sections.length > 1 && sections[1]!.trim()) {
    // A negative section shows the magnitude; its own text («(…)», «-») carries the sign.
    section = sections[1]!;
    v = -value;
  } else if (value === 0 && sections.length > 2 && sections[2]!.trim()) section = sections[2]!;
  // Colours and conditions ([Red], [>100]), padding (_x) and fill (*x) show no text of their own.
  const cleaned = section
    .replace(/\[[^\]]*]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/^\s*general\s*$/i.test(cleaned) || cleaned.trim() === '@' || cleaned.trim() === '') return plain(value);
  // Literal text: quoted, escaped with «\», or one of the characters Excel shows as they are.
  const tokens: { digits: boolean; text: string }[] = [];
  for (let i = 0; i < cleaned.length; i++) {
    const ch = cleaned[i]!;
    if (ch === '"') {
      const end = cleaned.indexOf('"', i + 1);
      tokens.push({ digits: false, text: cleaned.slice(i + 1, end < 0 ? undefined : end) });
      i = end < 0 ? cleaned.length : end;
    } else if (ch === '\\') tokens.push({ digits: false, text: cleaned[++i] ?? '' });
    else if ('0#?.,'.includes(ch)) tokens.push({ digits: true, text: ch });
    else if (/[eE/]/.test(ch))
      return plain(value); // exponents and fractions: not worth imitating
    else tokens.push({ digits: false, text: ch });
  }
  const first = tokens.findIndex((t) => t.digits);
  if (first < 0) return tokens.map((t) => t.text).join('');
  let last = first;
  while (last + 1 < tokens.length && tokens[last + 1]!.digits) last++;
  const pattern = tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join('');
  const before = tokens
    .slice(0, first)
    .map((t) => t.text)
    .join('');
  const after = tokens
    .slice(last + 1)
    .map((t) => t.text)
    .join('');
  if (`${before}${after}`.includes('%')) v *= 100;

  const [intPattern = '', decPattern = ''] = pattern.split('.');
  const maxDecimals = (decPattern.match(/[0#?]/g) ?? []).length;
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  let [intPart = '0', decPart = ''] = fixed(Math.abs(v), maxDecimals).split('.');
  // Optional decimals («#») drop their trailing zeros; required ones («0») stay.
  while (decPart.length > minDecimals && decPart.endsWith('0')) decPart = decPart.slice(0, -1);
  const minInt = (intPattern.match(/0/g) ?? []).length;
  if (intPart === '0' && minInt === 0) intPart = '';
  intPart = intPart.padStart(minInt, '0');
  // Thousands are grouped as a Russian Excel shows them, with a space.
  if (/[0#?],[0#?]/.test(intPattern)) intPart = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  const sign = v < 0 && Number(`${intPart}${decPart}`.replace(/\D/g, '') || '0') !== 0 ? '-' : '';
  return `${sign}${before}${intPart}${decPart ? `.${decPart}` : pattern.endsWith('.') ? '.' : ''}${after}`;
}

/**
 * How long a text field may be, shared by the API (which refuses longer input) and the forms (which
 * count towards the limit). Pure: no Node, no DOM, so the renderer imports it at run time.
 * No real document reaches these; they keep a pasted novel (or a 100 000-character attack) out.
 */
export const LIMITS = { short: 500, medium: 2000, long: 20000 } as const;

/** The refusal, the same in the form and from the API: what is allowed and how long the text is now. */
export function tooLongMessage(max: number, length: number): string {
  return `Не более ${max} символов (сейчас ${length})`;
}

/**
 * Control characters in text that came from outside (pasted from Word, imported, sent to the API):
 * the line breaks of other programs become ours, the rest go. Word writes a manual line break
 * (Shift+Enter) as a vertical tab and a page or column break as a form feed: both become a line break,
 * or «РМК\vшкола» would print as «РМКшкола». Tabs stay (the documents write them as w:tab). Other
 * control characters cannot be written into .docx/.xlsx XML at all, so they are dropped.
 */
export function cleanControlChars(s: string): string {
  return s.replace(/\r\n?|[\u000b\u000c\u0085\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/g, '');
}

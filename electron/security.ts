/** Security settings shared by the Electron window and the browser mode: one CSP, one rule for trusted URLs. */

/**
 * Nothing remote, ever: scripts and styles only from the app itself. antd writes its styles at run
 * time through <style> elements, hence 'unsafe-inline' for styles only (never for scripts).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The Electron UI is served from app://rmk/ only; anything else is not our page. */
export const APP_ORIGIN = 'app://rmk';

export function isTrustedAppUrl(raw: string): boolean {
  try {
    const u = new URL(raw);
    return u.protocol === 'app:' && u.host === 'rmk';
  } catch {
    return false;
  }
}

/**
 * Sites the program may open in the user's browser, as origins ('https://example.org'). None today:
 * the program works offline and links nowhere. Add one here (with a test) only with a reason.
 */
export const EXTERNAL_ALLOW_LIST: readonly string[] = [];

/**
 * The one rule for `shell.openExternal` (electron/main calls it nowhere else): an https URL whose
 * origin is exactly on the allow-list. Parsed with URL, never matched as a substring, so
 * «https://example.org.evil.com», «https://example.org@evil.com» or «https://evil.com/?https://example.org»
 * are not «example.org»; user:password URLs and other schemes (file:, javascript:, smb:) never pass.
 */
export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  // What is checked must be what gets opened: URL would quietly trim spaces and control characters.
  if (raw !== raw.trim() || /[\u0000-\u001f\u007f]/.test(raw)) return false;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '') return false;
  return allowList.includes(u.origin);
}

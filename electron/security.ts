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

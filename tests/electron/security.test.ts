/**
 * electron/security.ts: which URLs are the app's own page and which may open in the user's browser,
 * decided by parsing (URL), never by matching substrings; and the window's settings in electron/main
 * that the Electron binary (which cannot run here) would apply — read from the source.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTERNAL_ALLOW_LIST, isAllowedExternalUrl, isTrustedAppUrl } from '../../electron/security';

const ROOT = path.resolve(__dirname, '../..');

describe('external links', () => {
  it('opens nothing today: the allow-list is empty', () => {
    expect(EXTERNAL_ALLOW_LIST).toEqual([]);
    for (const url of ['https://example.org/', 'http://example.org/', 'https://minobrnauki.gov.ru/', 'mailto:a@b.ru'])
      expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  const allow = ['https://example.org', 'https://docs.example.org:8443'];
  it('lets through exactly the listed origins, over https', () => {
    for (const url of [
      'https://example.org',
      'https://example.org/',
      'https://example.org/a/b?c=d#e',
      'https://EXAMPLE.org/x',
      'https://example.org:443/x',
      'https://docs.example.org:8443/guide',
    ])
      expect(isAllowedExternalUrl(url, allow), url).toBe(true);
  });

  it('refuses look-alikes that a substring match would take', () => {
    for (const url of [
      'https://example.org.evil.com/',
      'https://evil.com/?next=https://example.org',
      'https://evil.com/https://example.org',
      'https://example.org@evil.com/',
      'https://user:pass@example.org/',
      'https://user@example.org/',
      'https://evilexample.org/',
      'https://sub.example.org/',
      'https://example.org:8443/',
      'https://docs.example.org/',
      'http://example.org/',
      'ftp://example.org/',
      'file:///C:/Windows/System32/calc.exe',
      'file://example.org/share',
      'javascript:alert(1)//https://example.org',
      'data:text/html,https://example.org',
      'smb://example.org/share',
      'app://rmk/index.html',
      ' https://example.org/',
      'https://example.org/\n',
      'https://exa\tmple.org/',
      'example.org',
      '//example.org',
      '',
      'not a url',
    ])
      expect(isAllowedExternalUrl(url, allow), url).toBe(false);
  });
});

describe("the app's own page", () => {
  it('is app://rmk only', () => {
    for (const url of ['app://rmk/index.html', 'app://rmk/', 'app://rmk/assets/x.js']) expect(isTrustedAppUrl(url), url).toBe(true);
    for (const url of [
      'app://rmk.evil/index.html',
      'app://evil/rmk',
      'http://rmk/',
      'https://rmk/',
      'file:///rmk/index.html',
      'app:rmk',
      'app://user@evil/',
      'garbage',
    ])
      expect(isTrustedAppUrl(url), url).toBe(false);
  });
});

describe("electron/main's hardening (read from the source: the binary cannot run here)", () => {
  const main = fs.readFileSync(path.join(ROOT, 'electron/main/index.ts'), 'utf8');

  it('calls shell.openExternal in one place, behind the allow-list', () => {
    expect(main.match(/shell\.openExternal\(/g)).toHaveLength(1);
    expect(main).toMatch(/if \(isAllowedExternalUrl\(url\)\) void shell\.openExternal\(url\);/);
  });

  it('denies every permission request and check, blocks <webview>, sandboxes the page', () => {
    expect(main).toMatch(/setPermissionRequestHandler\(\(_wc, _perm, cb\) => cb\(false\)\)/);
    expect(main).toMatch(/setPermissionCheckHandler\(\(\) => false\)/);
    expect(main).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
    expect(main).toMatch(/webviewTag: false/);
    expect(main).toMatch(/sandbox: true/);
    expect(main).toMatch(/contextIsolation: true/);
    expect(main).toMatch(/nodeIntegration: false/);
  });
});

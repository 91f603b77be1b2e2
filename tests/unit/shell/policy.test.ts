import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isAppUrl,
  resolveAppAsset,
  withContentSecurityPolicy,
} from '../../../electron/shell/app-origin';
import { externalLinkTarget, isAllowedNavigation } from '../../../electron/shell/navigation';

describe('the content security policy', () => {
  it('is exactly the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('replaces any CSP header whatever its case and keeps the others', () => {
    expect(withContentSecurityPolicy({ 'CONTENT-SECURITY-POLICY': "default-src *", 'Content-Type': 'text/html' })).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('the app origin', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://ogma/assets/x.js', true],
    ['app://other/index.html', false],
    ['app://user@ogma/index.html', false],
    ['https://ogma/index.html', false],
    ['file:///index.html', false],
    ['', false],
    ['not a url', false],
  ])('%s is ours: %s', (url, ours) => expect(isAppUrl(url)).toBe(ours));

  const root = join('/srv', 'renderer');
  it.each([
    ['app://ogma/index.html', join(root, 'index.html')],
    ['app://ogma/', join(root, 'index.html')],
    ['app://ogma/assets/a%20b.js', join(root, 'assets', 'a b.js')],
    ['app://ogma/index.html?x=1#y', join(root, 'index.html')],
    ['app://ogma/../etc/passwd', join(root, 'etc', 'passwd')], // URL parsing already clamps `..` at the root
    ['app://ogma/%2e%2e/%2e%2e/etc/passwd', join(root, 'etc', 'passwd')], // so does an encoded `..`
    ['app://ogma/assets/..%2F..%2F..%2Fetc%2Fpasswd', null],
    ['app://ogma/..%5C..%5Cwin.ini', null],
    ['app://ogma/%00.js', null],
    ['app://ogma/%E0%A4%A', null],
    ['app://evil/index.html', null],
    ['file:///srv/renderer/index.html', null],
  ])('%s is served from %s', (url, file) => expect(resolveAppAsset(root, url)).toBe(file));

  it('serves scripts with a JavaScript type (module scripts need it) and unknown files as bytes', () => {
    expect(contentTypeFor('a/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a/index.CSS')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('a/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('a/thing.exe')).toBe('application/octet-stream');
  });
});

describe('navigation', () => {
  it.each([
    ['app://ogma/index.html#/review', APP_ENTRY_URL, true],
    [APP_ENTRY_URL, 'app://ogma/index.html#/x', true],
    ['app://ogma/index.html?tab=2', APP_ENTRY_URL, false],
    ['app://ogma/other.html', APP_ENTRY_URL, false],
    ['https://evil.example/', APP_ENTRY_URL, false],
    [APP_ENTRY_URL, '', false], // nothing loaded yet: a page cannot steer the first load
    [APP_ENTRY_URL, 'https://evil.example/', false],
  ])('to %s from %s is allowed: %s', (target, current, allowed) => expect(isAllowedNavigation(target, current)).toBe(allowed));
});

describe('external links', () => {
  it.each([
    ['https://docs.example.org/a?b=c#d', 'https://docs.example.org/a?b=c#d'],
    ['http://intranet.example', 'http://intranet.example/'],
    ['HTTPS://Example.ORG/x', 'https://example.org/x'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['data:text/html,hi', null],
    ['vbscript:msgbox', null],
    ['smb://host/share', null],
    ['ms-msdt:/id', null],
    ['app://ogma/index.html', null],
    ['https://bank.example@evil.example/', null],
    ['https://user:pw@example.org/', null],
    ['//example.org/', null],
    [`https://example.org/${'a'.repeat(3000)}`, null],
  ])('%s opens as %s', (url, target) => expect(externalLinkTarget(url)).toBe(target));
});

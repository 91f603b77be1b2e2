import { describe, expect, it } from 'vitest';
import { checkBatesOptions, formatBates, isNextBates, parseBates } from '../../../../electron/core/export/production/bates';
import { documentPaths, loadFilePath, volumeRelative } from '../../../../electron/core/export/production/layout';
import { documentText } from '../../../../electron/core/export/production/text';

describe('Bates numbers', () => {
  it('pads to the width and parses back', () => {
    expect(formatBates('ACME-', 42, 8)).toBe('ACME-00000042');
    expect(parseBates('ACME-00000042')).toEqual({ prefix: 'ACME-', n: 42, digits: 8 });
  });

  it('refuses a number that does not fit its width rather than widening silently', () => {
    expect(() => formatBates('A', 1000, 3)).toThrow(/does not fit/);
  });

  it('requires an ASCII prefix ending in a non-digit', () => {
    expect(() => checkBatesOptions({ prefix: 'ACME1', start: 1, digits: 8 })).toThrow(/non-digit/);
    expect(() => checkBatesOptions({ prefix: 'ÄCME-', start: 1, digits: 8 })).toThrow();
    expect(() => checkBatesOptions({ prefix: 'A B', start: 1, digits: 8 })).toThrow();
    expect(() => checkBatesOptions({ prefix: 'ACME_', start: -1, digits: 8 })).toThrow(/start/);
    expect(() => checkBatesOptions({ prefix: 'ACME_', start: 1, digits: 8 })).not.toThrow();
  });

  it('knows the next number: same prefix, same width, n + 1', () => {
    expect(isNextBates('ACME-00000009', 'ACME-00000010')).toBe(true);
    expect(isNextBates('ACME-00000009', 'ACME-00000011')).toBe(false);
    expect(isNextBates('ACME-00000009', 'ACMX-00000010')).toBe(false);
    expect(isNextBates('ACME-00000009', 'ACME-0000010')).toBe(false);
  });
});

describe('volume layout', () => {
  it('names files after their first Bates number, a thousand documents per folder', () => {
    expect(documentPaths(0, 'A-1').image).toBe('IMAGES/0001/A-1.pdf');
    expect(documentPaths(1000, 'A-2').native).toBe('NATIVES/0002/A-2.json');
  });

  it('writes Windows paths relative to the extraction folder, and refuses paths that climb out', () => {
    expect(loadFilePath('VOL001', 'TEXT/0001/A.txt')).toBe('VOL001\\TEXT\\0001\\A.txt');
    expect(volumeRelative('VOL001', 'VOL001\\TEXT\\0001\\A.txt')).toBe('TEXT/0001/A.txt');
    expect(volumeRelative('VOL001', 'VOL001\\..\\secret')).toBeNull();
    expect(volumeRelative('VOL001', 'VOL002\\TEXT\\A.txt')).toBeNull();
  });
});

describe('extracted text', () => {
  it('is CRLF text naming the chat and every message, masked ones marked', () => {
    const t = documentText({
      tenantId: 't',
      orgId: 'o',
      orgName: null,
      chatId: 'c1',
      title: null,
      custodian: 'Alice\nSmith',
      userId: 'u',
      createdAt: '2026-01-01T00:00:00.000Z',
      deletedAtSource: true,
      messages: [
        { id: 'm1', chatId: 'c1', role: 'user', model: null, createdAt: '2026-01-01T00:00:01.000Z', text: 'hi\nthere', masked: true, maskedKinds: ['email'], recordSeq: 1, commitment: 'x' },
      ],
    });
    expect(t).toContain('Chat: (untitled)\r\n');
    expect(t).toContain('Custodian: Alice Smith\r\n');
    expect(t).toContain('Deleted at source: yes');
    expect(t).toContain('message m1 [masked: email]\r\nhi\r\nthere');
    expect(t).not.toMatch(/[^\r]\n/);
  });
});

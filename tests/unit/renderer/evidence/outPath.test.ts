import { describe, expect, it } from 'vitest';
import { defaultOutPath, parentFolder, withFormatExtension } from '../../../../renderer/evidence/exports/outPath';

describe('where an export is written by default', () => {
  const noon = new Date(2026, 2, 7, 12, 4, 5);

  it('next to the workspace folder, never inside it, named by format and local time', () => {
    expect(defaultOutPath('/home/ann/cases/Acme.ogma', 'json', noon)).toBe('/home/ann/cases/ogma-export-20260307-120405.json');
    expect(defaultOutPath('/home/ann/cases/Acme.ogma/', 'pdf', noon)).toBe('/home/ann/cases/ogma-export-20260307-120405.pdf');
    expect(defaultOutPath('C:\\Users\\ann\\Acme.ogma', 'production', noon)).toBe('C:\\Users\\ann\\ogma-export-20260307-120405.zip');
  });

  it('the parent of a top-level folder is the root, on both kinds of path', () => {
    expect(parentFolder('/Acme.ogma')).toBe('/');
    expect(parentFolder('C:\\Acme.ogma')).toBe('C:\\');
    expect(defaultOutPath('/Acme.ogma', 'json', noon)).toBe('/ogma-export-20260307-120405.json');
    expect(parentFolder('Acme.ogma')).toBe('.');
  });

  it('changing the format swaps a known extension and keeps the typed stem', () => {
    expect(withFormatExtension('/x/my case.json', 'pdf')).toBe('/x/my case.pdf');
    expect(withFormatExtension('/x/vol001.PDF', 'production')).toBe('/x/vol001.zip');
    expect(withFormatExtension('/x/notes.txt', 'json')).toBe('/x/notes.txt.json');
  });
});

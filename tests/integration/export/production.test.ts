import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDat, validateProductionVolume, writeProductionVolume, type ProductionVolume } from '../../../electron/core/export/production';
import { verifyProduction } from '../../../electron/core/verify/verify-production';
import type { VerifyReport } from '../../../shared/api/export-schemas';
import { makeFixture, stampedRenderer } from './production-fixture';

/**
 * Production volume round trip (write -> validate -> verify) and the tamper corpus.
 * Images come from the minimal pdf-lib renderer in the fixture, not the real Bates PDF
 * renderer (electron/core/export/pdf), which is built separately.
 */

const BATES = { prefix: 'ACME-', start: 1, digits: 8 };

async function produce(chats: number, perChat: number, start = 1, revealed = false): Promise<ProductionVolume> {
  const f = makeFixture(chats, perChat, { revealed });
  return writeProductionVolume({
    documents: f.documents,
    bates: { ...BATES, start },
    confidentiality: 'CONFIDENTIAL',
    producedAt: '2026-11-23T12:30:00.000Z',
    renderDocumentPdf: stampedRenderer,
    buildProof: f.buildProof,
  });
}

/** Rewrites the ZIP with `edit` applied to its entries (paths inside the ZIP). */
function tamper(zip: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(zip);
  edit(files);
  return zipSync(files);
}

const enc = (s: string) => new TextEncoder().encode(s);
// ignoreBOM keeps the BOM in the string, so a decoded-then-encoded DAT keeps it too.
const dec = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

function failureCodes(r: VerifyReport): string[] {
  return r.failures.map((f) => f.code);
}

describe('production volume: round trip', () => {
  let vol: ProductionVolume;
  beforeAll(async () => {
    vol = await produce(6, 7);
  });

  it('given six chats, when written, then the ZIP holds one volume folder with DATA, IMAGES, TEXT, NATIVES and PROOF', () => {
    const names = Object.keys(unzipSync(vol.zip));
    expect(names.every((n) => n.startsWith('VOL001/'))).toBe(true);
    for (const p of ['VOL001/DATA/VOL001.dat', 'VOL001/DATA/VOL001.opt', 'VOL001/PROOF/bundle.json', 'VOL001/PROOF/manifest.json', 'VOL001/PROOF/README.txt', 'VOL001/PROOF/checkpoint-1.txt']) {
      expect(names).toContain(p);
    }
    expect(names.filter((n) => n.startsWith('VOL001/IMAGES/')).length).toBe(6);
    expect(names.filter((n) => n.startsWith('VOL001/TEXT/')).length).toBe(6);
    expect(names.filter((n) => n.startsWith('VOL001/NATIVES/')).length).toBe(6);
  });

  it('numbers Bates continuously across documents: each BEGBATES is the previous ENDBATES + 1', () => {
    const dat = parseDat(unzipSync(vol.zip)['VOL001/DATA/VOL001.dat']!);
    expect(dat.problems).toEqual([]);
    let next = 1;
    for (const r of dat.records) {
      expect(r.values.BEGBATES).toBe(`ACME-${String(next).padStart(8, '0')}`);
      next += Number(r.values.PAGECOUNT);
      expect(r.values.ENDBATES).toBe(`ACME-${String(next - 1).padStart(8, '0')}`);
    }
    expect(vol.lastBates).toBe(`ACME-${String(next - 1).padStart(8, '0')}`);
    expect(vol.pages).toBe(next - 1);
  });

  it('passes the validator with no problems', async () => {
    const v = await validateProductionVolume(vol.zip);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
  });

  it('verifies: bundle, signed manifest, DAT hashes and Bates map all agree', async () => {
    const r = await verifyProduction(vol.zip);
    expect(r.failures).toEqual([]);
    expect(r.verdict).toBe('verified');
    expect(r.format).toBe('production');
    expect(r.counts.messages).toBe(42);
    expect(r.counts.verifiedTextMasked).toBe(12);
    expect(r.counts.verified).toBe(30);
    expect(r.fingerprints[0]?.fingerprint).toMatch(/^SHA256:/);
  });

  it('writes the same manifest into PROOF/manifest.json and the signed bundle', () => {
    const files = unzipSync(vol.zip);
    const manifest = JSON.parse(dec(files['VOL001/PROOF/manifest.json']!)) as { files: unknown };
    const bundle = JSON.parse(dec(files['VOL001/PROOF/bundle.json']!)) as { files: unknown };
    expect(manifest.files).toEqual(bundle.files);
    expect(manifest.files).toEqual(vol.files);
  });

  it('with PII revealed (and the reveal recorded), every message is text-verified', async () => {
    const v = await produce(2, 3, 1, true);
    const r = await verifyProduction(v.zip);
    expect(r.failures).toEqual([]);
    expect(r.verdict).toBe('verified');
    expect(r.counts).toMatchObject({ messages: 6, verified: 6, verifiedTextMasked: 0 });
  });

  it('starts numbering at the requested Bates start', async () => {
    const v = await produce(2, 3, 500);
    expect(v.firstBates).toBe('ACME-00000500');
    expect((await verifyProduction(v.zip)).verdict).toBe('verified');
  });
});

describe('production volume: tamper corpus', () => {
  let vol: ProductionVolume;
  let datLines: string[];
  beforeAll(async () => {
    vol = await produce(4, 6);
    datLines = dec(unzipSync(vol.zip)['VOL001/DATA/VOL001.dat']!).split('\r\n');
  });

  const DAT = 'VOL001/DATA/VOL001.dat';
  const OPT = 'VOL001/DATA/VOL001.opt';

  it('a DAT hash changed: rejected naming the DAT file, its line and the field', async () => {
    // Line 3 is the second document; flip one hex digit of its SHA256HASH.
    const line = datLines[2]!;
    const header = datLines[0]!.split('\u0014').map((h) => h.replaceAll('\u00fe', '').replace('\ufeff', ''));
    const values = line.split('\u0014');
    const i = header.indexOf('SHA256HASH');
    const old = values[i]!;
    values[i] = old.slice(0, 1) + (old[1] === 'a' ? 'b' : 'a') + old.slice(2);
    const bad = tamper(vol.zip, (f) => {
      const lines = [...datLines];
      lines[2] = values.join('\u0014');
      f[DAT] = enc(lines.join('\r\n'));
    });
    const v = await validateProductionVolume(bad);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'dat_hash_mismatch', file: DAT, line: 3, field: 'SHA256HASH' }));
    const r = await verifyProduction(bad);
    expect(r.verdict).toBe('not_verified');
    const f = r.failures.find((x) => x.code === 'dat_hash_mismatch');
    expect(f?.where).toMatchObject({ file: DAT, field: 'SHA256HASH' });
    expect(f?.message).toContain('line 3');
    expect(r.failures).toContainEqual(expect.objectContaining({ code: 'dat_hash_not_signed', where: expect.objectContaining({ file: DAT, field: 'SHA256HASH' }) }));
    // And the DAT itself no longer matches its signed entry.
    expect(r.failures).toContainEqual(expect.objectContaining({ code: 'file_not_as_signed', where: expect.objectContaining({ file: DAT }) }));
  });

  it('a DAT hash and the file changed together still fail against the signed manifest', async () => {
    const files = unzipSync(vol.zip);
    const textPath = Object.keys(files).find((n) => n.startsWith('VOL001/TEXT/'))!;
    const forged = enc(dec(files[textPath]!).replace('Chat:', 'Chat:!'));
    const { createHash } = await import('node:crypto');
    const oldSha = createHash('sha256').update(files[textPath]!).digest('hex');
    const oldMd5 = createHash('md5').update(files[textPath]!).digest('hex');
    const bad = tamper(vol.zip, (f) => {
      f[textPath] = forged;
      f[DAT] = enc(dec(f[DAT]!).replace(oldSha, createHash('sha256').update(forged).digest('hex')).replace(oldMd5, createHash('md5').update(forged).digest('hex')));
    });
    const r = await verifyProduction(bad);
    expect(r.verdict).toBe('not_verified');
    expect(r.failures).toContainEqual(expect.objectContaining({ code: 'file_not_as_signed', where: expect.objectContaining({ file: textPath }) }));
    expect(r.failures).toContainEqual(expect.objectContaining({ code: 'dat_hash_not_signed', where: expect.objectContaining({ field: 'TEXTSHA256HASH' }) }));
  });

  for (const folder of ['IMAGES', 'TEXT', 'NATIVES'] as const) {
    it(`a file in ${folder}/ changed by one byte: rejected naming that file`, async () => {
      const files = unzipSync(vol.zip);
      const path = Object.keys(files).filter((n) => n.startsWith(`VOL001/${folder}/`))[1]!;
      const bad = tamper(vol.zip, (f) => {
        const b = new Uint8Array(f[path]!);
        const at = folder === 'IMAGES' ? b.length - 20 : b.length - 3;
        b[at] = b[at]! ^ 0x01;
        f[path] = b;
      });
      const v = await validateProductionVolume(bad);
      expect(v.ok).toBe(false);
      expect(v.problems).toContainEqual(expect.objectContaining({ code: 'dat_hash_mismatch', file: DAT, line: 3 }));
      expect(v.problems).toContainEqual(expect.objectContaining({ code: 'manifest_mismatch', file: path }));
      const r = await verifyProduction(bad);
      expect(r.verdict).toBe('not_verified');
      expect(r.failures).toContainEqual(expect.objectContaining({ code: 'file_not_as_signed', where: expect.objectContaining({ file: path }) }));
    });
  }

  it('a file removed: rejected naming the missing file and the DAT field that points at it', async () => {
    const files = unzipSync(vol.zip);
    const path = Object.keys(files).find((n) => n.startsWith('VOL001/NATIVES/'))!;
    const bad = tamper(vol.zip, (f) => delete f[path]);
    const v = await validateProductionVolume(bad);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'missing_file', file: DAT, line: 2, field: 'NATIVEPATH' }));
    const r = await verifyProduction(bad);
    expect(r.verdict).toBe('not_verified');
    expect(r.failures).toContainEqual(expect.objectContaining({ code: 'missing_file', where: expect.objectContaining({ file: path }) }));
  });

  it('a file added: rejected as unlisted and unreferenced', async () => {
    const bad = tamper(vol.zip, (f) => (f['VOL001/TEXT/0001/EXTRA.txt'] = enc('planted')));
    const v = await validateProductionVolume(bad);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'unreferenced_file', file: 'VOL001/TEXT/0001/EXTRA.txt' }));
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'unlisted_file', file: 'VOL001/TEXT/0001/EXTRA.txt' }));
    expect((await verifyProduction(bad)).verdict).toBe('not_verified');
  });

  it('a Bates gap: the third document renumbered one higher is rejected at its DAT line and BEGBATES', async () => {
    const values = datLines[3]!.split('\u0014');
    const header = datLines[0]!.split('\u0014').map((h) => h.replaceAll('\u00fe', '').replace('\ufeff', ''));
    const bumped = (s: string) => s.replace(/(\d+)/, (d) => String(Number(d) + 1).padStart(d.length, '0'));
    for (const field of ['BEGBATES', 'BEGATTACH', 'ENDBATES', 'ENDATTACH']) values[header.indexOf(field)] = bumped(values[header.indexOf(field)]!);
    const bad = tamper(vol.zip, (f) => {
      const lines = [...datLines];
      lines[3] = values.join('\u0014');
      f[DAT] = enc(lines.join('\r\n'));
    });
    const v = await validateProductionVolume(bad);
    const gap = v.problems.find((p) => p.code === 'bates_gap' && p.file === DAT);
    expect(gap).toMatchObject({ line: 4, field: 'BEGBATES' });
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'opt_mismatch', file: OPT, field: 'ImageKey' }));
    const r = await verifyProduction(bad);
    expect(r.verdict).toBe('not_verified');
    expect(failureCodes(r)).toContain('bates_gap');
  });

  it('the OPT disagreeing with the DAT: a dropped page line is rejected with the OPT line and PageCount', async () => {
    // A chat long enough to need several pages.
    const long = await produce(1, 60);
    const opt = dec(unzipSync(long.zip)[OPT]!).split('\r\n');
    expect(opt[1]?.split(',')[3]).toBe(''); // the second line continues the first document
    const bad = tamper(long.zip, (f) => {
      const lines = [...opt];
      lines.splice(1, 1);
      f[OPT] = enc(lines.join('\r\n'));
    });
    const v = await validateProductionVolume(bad);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'opt_mismatch', file: OPT, line: 1, field: 'PageCount' }));
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'bates_gap', file: OPT, line: 2, field: 'ImageKey' }));
    const r = await verifyProduction(bad);
    expect(r.verdict).toBe('not_verified');
    expect(failureCodes(r)).toContain('bates_not_signed');
  });

  it('the OPT pointing a page at another image is rejected at that line', async () => {
    const opt = dec(unzipSync(vol.zip)[OPT]!).split('\r\n');
    const other = opt[opt.length - 2]!.split(',')[2]!;
    const bad = tamper(vol.zip, (f) => {
      const lines = [...opt];
      const parts = lines[0]!.split(',');
      parts[2] = other;
      lines[0] = parts.join(',');
      f[OPT] = enc(lines.join('\r\n'));
    });
    const v = await validateProductionVolume(bad);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'opt_mismatch', file: OPT, line: 1, field: 'ImagePath' }));
  });

  it('TEXT not matching NATIVES is rejected even when the DAT hashes were fixed up', async () => {
    const files = unzipSync(vol.zip);
    const textPath = Object.keys(files).find((n) => n.startsWith('VOL001/TEXT/'))!;
    const { createHash } = await import('node:crypto');
    const forged = enc(dec(files[textPath]!).replace('Chat:', 'Chat: edited'));
    const bad = tamper(vol.zip, (f) => {
      f[textPath] = forged;
      f[DAT] = enc(
        dec(f[DAT]!)
          .replace(createHash('sha256').update(files[textPath]!).digest('hex'), createHash('sha256').update(forged).digest('hex'))
          .replace(createHash('md5').update(files[textPath]!).digest('hex'), createHash('md5').update(forged).digest('hex')),
      );
    });
    const v = await validateProductionVolume(bad);
    expect(v.problems).toContainEqual(expect.objectContaining({ code: 'text_mismatch', file: textPath, field: 'TEXTPATH' }));
  });

  it('the signed bundle edited: the bundle verifier rejects it', async () => {
    const bad = tamper(vol.zip, (f) => {
      f['VOL001/PROOF/bundle.json'] = enc(dec(f['VOL001/PROOF/bundle.json']!).replace('Please summarise', 'Please summarize'));
    });
    const r = await verifyProduction(bad);
    expect(r.verdict).toBe('not_verified');
    expect(failureCodes(r)).toContain('commitment_mismatch');
  });

  it('a ZIP that is not a ZIP, or is truncated, is unreadable', async () => {
    expect((await verifyProduction(enc('not a zip'))).verdict).toBe('unreadable');
    expect((await verifyProduction(vol.zip.subarray(0, 200))).verdict).toBe('unreadable');
    expect((await validateProductionVolume(vol.zip.subarray(0, 200))).problems[0]?.code).toBe('zip_unreadable');
  });

  it('a second volume folder in the ZIP is refused', async () => {
    const bad = tamper(vol.zip, (f) => (f['VOL002/DATA/x.dat'] = enc('x')));
    const v = await validateProductionVolume(bad);
    expect(v.problems[0]?.code).toBe('volume_layout');
    expect((await verifyProduction(bad)).verdict).toBe('not_verified');
  });
});

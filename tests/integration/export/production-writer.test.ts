import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseDat, validateProductionVolume, writeProductionVolume, type RenderDocumentPdf } from '../../../electron/core/export/production';
import { verifyProduction } from '../../../electron/core/verify/verify-production';
import { makeFixture, stampedRenderer, unstampedRenderer } from './production-fixture';

/** The writer refuses to produce a volume it could not stand behind. Images: the fixture's pdf-lib renderer. */

const base = { bates: { prefix: 'ACME-', start: 1, digits: 8 }, confidentiality: 'CONFIDENTIAL', producedAt: '2026-11-23T12:30:00.000Z' };

describe('writeProductionVolume refuses', () => {
  it('a renderer that skips a Bates number', async () => {
    const f = makeFixture(2, 5);
    const skipping: RenderDocumentPdf = async (doc, bates) => {
      const out = await stampedRenderer(doc, bates);
      return { ...out, pages: out.pages.map((p, i) => (i === 0 ? { ...p, bates: 'ACME-00000099' } : p)) };
    };
    await expect(writeProductionVolume({ ...base, documents: f.documents, renderDocumentPdf: skipping, buildProof: f.buildProof })).rejects.toMatchObject({
      code: 'INTERNAL',
      where: { page: 1 },
    });
  });

  it('a bundle whose files section is not the volume manifest (the signature would not bind the files)', async () => {
    const f = makeFixture(1, 2);
    await expect(
      writeProductionVolume({ ...base, documents: f.documents, renderDocumentPdf: stampedRenderer, buildProof: (x) => f.buildProof({ ...x, files: x.files.slice(1) }) }),
    ).rejects.toThrow(/files section/);
  });

  it('a bundle whose Bates map is not the volume page map', async () => {
    const f = makeFixture(1, 2);
    await expect(
      writeProductionVolume({
        ...base,
        documents: f.documents,
        renderDocumentPdf: stampedRenderer,
        buildProof: (x) => f.buildProof({ ...x, bates: { ...x.bates, last: 'ACME-00000009' } }),
      }),
    ).rejects.toThrow(/Bates section/);
  });

  it('an empty scope, a bad prefix and a bad volume name, with the field to fix', async () => {
    const f = makeFixture(1, 1);
    const input = { ...base, documents: f.documents, renderDocumentPdf: stampedRenderer, buildProof: f.buildProof };
    await expect(writeProductionVolume({ ...input, documents: [] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', where: { field: 'scope' } });
    await expect(writeProductionVolume({ ...input, bates: { prefix: 'ACME1', start: 1, digits: 8 } })).rejects.toMatchObject({ where: { field: 'bates.prefix' } });
    await expect(writeProductionVolume({ ...input, volume: '../x' })).rejects.toMatchObject({ where: { field: 'volume' } });
  });

  it('to continue once cancelled', async () => {
    const f = makeFixture(3, 2);
    const ac = new AbortController();
    let rendered = 0;
    const render: RenderDocumentPdf = async (d, b) => {
      rendered++;
      ac.abort();
      return stampedRenderer(d, b);
    };
    await expect(writeProductionVolume({ ...base, documents: f.documents, renderDocumentPdf: render, buildProof: f.buildProof, signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(rendered).toBe(1);
  });
});

describe('the validator reads the stamps', () => {
  it('images whose pages lack the Bates stamp are rejected page by page, even though every hash is right', async () => {
    const f = makeFixture(1, 6);
    const vol = await writeProductionVolume({ ...base, documents: f.documents, renderDocumentPdf: unstampedRenderer, buildProof: f.buildProof });
    const v = await validateProductionVolume(vol.zip);
    expect(v.problems.length).toBeGreaterThan(0);
    expect(v.problems.every((p) => p.code === 'image_bates')).toBe(true);
    expect(v.problems[0]).toMatchObject({ page: 1, bates: 'ACME-00000001', file: expect.stringMatching(/^VOL001\/IMAGES\//) });
    expect((await verifyProduction(vol.zip)).verdict).toBe('not_verified');
  });
});

describe('production round trips by size', () => {
  it('one message: one document, one page', async () => {
    const f = makeFixture(1, 1);
    const progress: number[] = [];
    const vol = await writeProductionVolume({ ...base, documents: f.documents, renderDocumentPdf: stampedRenderer, buildProof: f.buildProof, onProgress: (d) => progress.push(d) });
    expect(vol.firstBates).toBe('ACME-00000001');
    expect(vol.lastBates).toBe('ACME-00000001');
    expect(progress).toEqual([1]);
    expect((await validateProductionVolume(vol.zip)).problems).toEqual([]);
    expect((await verifyProduction(vol.zip)).verdict).toBe('verified');
  });

  // Scale of the volume machinery (DAT, OPT, hashes, manifest, bundle): the images come from
  // the bare pdf-lib renderer and are checked by page count only, because rendering 100
  // documents with embedded Unicode fonts is the PDF module's cost (bench/export-pdf.bench.ts).
  it('10,000 messages in 100 chats: verified, Bates continuous over every page', async () => {
    const f = makeFixture(100, 100);
    const vol = await writeProductionVolume({ ...base, documents: f.documents, renderDocumentPdf: unstampedRenderer, buildProof: f.buildProof });
    const readPdf = async (b: Uint8Array) => ({ pageCount: (await PDFDocument.load(b, { updateMetadata: false })).getPageCount() });
    const r = await verifyProduction(vol.zip, { readPdf });
    expect(r.failures).toEqual([]);
    expect(r.verdict).toBe('verified');
    expect(r.counts.messages).toBe(10_000);
    const dat = parseDat(unzipSync(vol.zip)['VOL001/DATA/VOL001.dat']!);
    expect(dat.records).toHaveLength(100);
    const pages = dat.records.reduce((n, rec) => n + Number(rec.values.PAGECOUNT), 0);
    expect(vol.pages).toBe(pages);
    expect(vol.lastBates).toBe(`ACME-${String(pages).padStart(8, '0')}`);
  }, 180_000);
});

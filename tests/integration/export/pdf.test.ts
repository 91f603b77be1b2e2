import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildBundle, serializeBundle } from '../../../electron/core/export';
import { readBatesPdf, renderBatesPdf } from '../../../electron/core/export/pdf';
import { verifyPdf } from '../../../electron/core/verify/verify-pdf';
import { keyExportSigner } from '../../../electron/core/verify';
import { syntheticBundle } from '../../unit/export/synthetic-bundle';

/**
 * Export then verify for the Bates PDF, with a real signed bundle (chain records, proofs,
 * checkpoints, export signature) whose Bates map is the one the renderer produced, and the
 * tamper corpus of the PDF container: each rejected with the page and Bates number.
 */

async function signedPdf(messages: number, opts: { alter?: (json: string) => string } = {}) {
  const synth = syntheticBundle({ messages, format: 'pdf' });
  const { counts: _c, index: _i, ...exportIn } = synth.bundle.export;
  const { tenants, documents, evidence } = synth.bundle;
  const r = await renderBatesPdf({
    documents,
    bates: { prefix: 'ACME-', start: 1, digits: 8 },
    legend: 'CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER',
    certification: { lines: tenants.map((t) => `Tenant ${t.tenantId}: key fingerprint ${t.fingerprint}`).concat('Verify with: ogma verify THIS.pdf') },
    attachment: (pages) => {
      const bundle = buildBundle(
        { export: { ...exportIn, format: 'pdf' }, tenants, documents, evidence, bates: { prefix: 'ACME-', digits: 8, first: pages[0]!.bates, last: pages[pages.length - 1]!.bates, pages } },
        (t) => keyExportSigner(synth.keys.get(t)!),
      );
      const bytes = serializeBundle(bundle);
      return { filename: 'ogma-bundle.json', bytes: opts.alter ? Buffer.from(opts.alter(Buffer.from(bytes).toString('utf8')), 'utf8') : bytes };
    },
  });
  return { ...r, synth };
}

const codes = (r: { failures: { code: string }[] }) => r.failures.map((f) => f.code);

describe('Bates PDF round trip', () => {
  it.each([1, 100])('a PDF of %i message(s) verifies on its own', async (n) => {
    const { bytes, pages } = await signedPdf(n);
    const report = await verifyPdf(bytes);
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('verified');
    expect(report.format).toBe('pdf');
    expect(report.counts.messages).toBe(n);
    expect(report.counts.failed).toBe(0);
    expect(report.summary).toContain(`${pages.length} pages`);
    expect(report.checks.find((c) => c.name === 'pages match the signed Bates map')?.ok).toBe(true);
  });

  it('a PDF of 10,000 messages verifies on its own', async () => {
    const { bytes, pages } = await signedPdf(10_000);
    expect(pages.length).toBeGreaterThan(100);
    const report = await verifyPdf(bytes);
    expect(report.verdict).toBe('verified');
    expect(report.counts.messages).toBe(10_000);
  }, 300_000);
});

describe('Bates PDF tamper corpus', () => {
  it('a removed page is reported with its page number and Bates number', async () => {
    const { bytes, pages } = await signedPdf(100);
    const pdf = await PDFDocument.load(bytes);
    pdf.removePage(2);
    const report = await verifyPdf(await pdf.save());
    expect(report.verdict).toBe('not_verified');
    expect(codes(report)).toContain('bates_page_count');
    const missing = report.failures.find((f) => f.code === 'bates_page_missing');
    expect(missing?.where).toEqual({ page: 3, bates: pages[2]!.bates });
    const gap = report.failures.find((f) => f.code === 'bates_discontinuous');
    expect(gap?.where).toEqual({ page: 3, bates: pages[3]!.bates });
  });

  it('a renumbered page is reported with its page and the number stamped on it', async () => {
    const { bytes, pages } = await signedPdf(100);
    const pdf = await PDFDocument.load(bytes);
    const page = pdf.getPage(4);
    const stream = pdf.context.lookup(page.node.get(PDFName.of('Contents')));
    if (!(stream instanceof PDFRawStream)) throw new Error('expected a raw content stream');
    const content = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    expect(content).toContain(`(${pages[4]!.bates})`);
    const forged = content.replace(`(${pages[4]!.bates})`, '(ACME-00000777)');
    page.node.set(PDFName.of('Contents'), pdf.context.register(pdf.context.flateStream(Buffer.from(forged, 'latin1'))));
    const report = await verifyPdf(await pdf.save());
    expect(report.verdict).toBe('not_verified');
    const f = report.failures.find((x) => x.code === 'bates_stamp_mismatch');
    expect(f?.where).toEqual({ page: 5, bates: 'ACME-00000777' });
    expect(f?.message).toContain(pages[4]!.bates);
    expect(codes(report)).toContain('bates_discontinuous');
  });

  it('a duplicated page is reported as a duplicate Bates number', async () => {
    const { bytes, pages } = await signedPdf(100);
    const pdf = await PDFDocument.load(bytes);
    const [copy] = await pdf.copyPages(pdf, [1]);
    pdf.insertPage(2, copy!);
    const report = await verifyPdf(await pdf.save());
    expect(report.verdict).toBe('not_verified');
    expect(report.failures.find((f) => f.code === 'bates_duplicate')?.where).toEqual({ page: 3, bates: pages[1]!.bates });
    expect(report.failures.find((f) => f.code === 'bates_page_unknown')).toBeUndefined();
    expect(codes(report)).toContain('bates_page_count');
  });

  it('a stripped attachment leaves nothing to verify, and says so', async () => {
    const { bytes } = await signedPdf(10);
    const pdf = await PDFDocument.load(bytes);
    pdf.catalog.delete(PDFName.of('Names'));
    const stripped = await pdf.save();
    expect((await readBatesPdf(stripped)).attachments).toEqual([]);
    const report = await verifyPdf(stripped);
    expect(report.verdict).toBe('not_verified');
    expect(report.failures[0]!.code).toBe('attachment_missing');
    expect(report.summary).toMatch(/stripped/);
  });

  it('an altered attachment is rejected by the bundle verifier at the message it changed', async () => {
    const { synth } = await signedPdf(10);
    const target = synth.bundle.documents[0]!.messages.find((m) => !m.masked)!;
    const { bytes } = await signedPdf(10, { alter: (json) => json.replace(JSON.stringify(target.text), JSON.stringify(target.text.replace('Message', 'Massage'))) });
    const report = await verifyPdf(bytes);
    expect(report.verdict).toBe('not_verified');
    // Synthetic ids and texts are deterministic, so the second bundle holds the same message.
    expect(report.failures.some((f) => f.where.messageId === target.id)).toBe(true);
    expect(report.failures.find((f) => f.where.messageId === target.id)?.where.field).toBeDefined();
  });

  it('bytes that are not a PDF are unreadable, not a crash', async () => {
    const report = await verifyPdf(new TextEncoder().encode('%PDF-1.7\nnot really'));
    expect(report.verdict).toBe('unreadable');
    expect(report.format).toBe('pdf');
  });
});

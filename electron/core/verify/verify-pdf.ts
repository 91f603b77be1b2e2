import type { VerifyReport } from '../../../shared/api/export-schemas';
import { parseBates } from '../export/pdf/bates';
import { readBatesPdf, type ReadBatesPdfResult, type ReadPage } from '../export/pdf/read';
import { ReportBuilder, unreadableReport } from './report';
import { BundleSchema, type Bundle } from './schema';
import { verifyBundleBytes } from './verify-bundle';

/**
 * Verifies a Bates PDF with nothing but the PDF: the JSON bundle it carries as an
 * attachment goes through the pure bundle verifier, and then the pages are held against
 * the bundle's signed Bates map, reading the number actually stamped on each page:
 * continuous (no gap, no duplicate, one prefix), one page per map entry, each page the
 * number the map gives it. Never throws.
 *
 * What it does not check: that the transcript text drawn on a page equals the bundle's
 * text. The bundle is the evidence, verified message by message; the pages are a view of
 * it whose order and completeness (Bates) are verified here.
 */
export async function verifyPdf(bytes: Uint8Array): Promise<VerifyReport> {
  let read: ReadBatesPdfResult;
  try {
    read = await readBatesPdf(bytes);
  } catch (e) {
    return unreadableReport('pdf', e instanceof Error ? e.message : String(e));
  }
  try {
    return check(read);
  } catch (e) {
    return unreadableReport('pdf', `The PDF could not be verified: ${e instanceof Error ? e.message : String(e)}.`);
  }
}

function check(read: ReadBatesPdfResult): VerifyReport {
  const r = new ReportBuilder('pdf');
  const bundles = read.attachments.filter((a) => a.filename.toLowerCase().endsWith('.json'));
  if (bundles.length === 0) {
    const others = read.attachments.length ? ` (it has ${read.attachments.map((a) => a.filename).join(', ')}, none a .json bundle)` : '';
    r.fail('attachment_missing', `The PDF carries no embedded bundle${others}: the attachment was stripped, or this is not an Ogma export. Nothing in it can be verified.`, { field: 'attachment' });
    r.check('embedded bundle present', false);
    checkContinuity(read.pages, null, r);
    return r.finish('');
  }
  if (bundles.length > 1) {
    r.fail('attachment_ambiguous', `The PDF carries ${bundles.length} .json attachments (${bundles.map((a) => a.filename).join(', ')}); an Ogma export has exactly one bundle.`, { field: 'attachment' });
  }
  const file = bundles[0]!;
  r.check('embedded bundle present', true, file.filename);

  const br = verifyBundleBytes(file.bytes, { container: 'pdf' });
  if (br.verdict === 'unreadable') {
    r.fail('attachment_unreadable', `The embedded ${file.filename} is not a readable bundle: ${br.summary}`, { file: file.filename });
    checkContinuity(read.pages, null, r);
    return r.finish('');
  }
  r.absorb(br);

  const bundle = parseBundle(file.bytes);
  const map = bundle?.bates ?? null;
  if (!map) {
    r.fail('bates_missing', 'The embedded bundle has no Bates map, so the pages cannot be checked against it.', { file: file.filename, field: 'bates' });
    checkContinuity(read.pages, null, r);
    return r.finish('');
  }
  checkContinuity(read.pages, { prefix: map.prefix, digits: map.digits }, r);
  checkAgainstMap(read.pages, map.pages, r);
  const s = br.summary.replace(/^VERIFIED:?\s*/i, '');
  return r.finish(`VERIFIED: ${read.pages.length} pages ${map.first} to ${map.last}, each stamped as the signed Bates map says. ${s}`);
}

/** The stamps alone: one per page, one prefix, each number one more than the last. */
function checkContinuity(pages: ReadPage[], numbering: { prefix: string; digits: number } | null, r: ReportBuilder): void {
  let ok = true;
  const seen = new Map<string, number>();
  let prev: { n: number; page: number } | null = null;
  for (const p of pages) {
    if (p.bates === null) {
      ok = false;
      r.fail('bates_stamp_missing', p.stamps.length > 1 ? `Page ${p.page} carries ${p.stamps.length} different Bates stamps (${p.stamps.join(', ')}).` : `Page ${p.page} carries no Bates stamp.`, { page: p.page });
      prev = null;
      continue;
    }
    const dup = seen.get(p.bates);
    if (dup !== undefined) {
      ok = false;
      r.fail('bates_duplicate', `Page ${p.page} repeats Bates ${p.bates}, already stamped on page ${dup}.`, { page: p.page, bates: p.bates });
    }
    seen.set(p.bates, p.page);
    if (!numbering) continue;
    const n = parseBates(p.bates, numbering.prefix, numbering.digits);
    if (n === null) {
      ok = false;
      r.fail('bates_prefix_mismatch', `Page ${p.page} is stamped ${p.bates}, which is not prefix "${numbering.prefix}" followed by ${numbering.digits} digits.`, { page: p.page, bates: p.bates });
      prev = null;
      continue;
    }
    if (prev && n !== prev.n + 1 && dup === undefined) {
      ok = false;
      const gap = n > prev.n + 1 ? `${n - prev.n - 1} number${n - prev.n - 1 === 1 ? '' : 's'} missing after page ${prev.page}` : `the numbers run backwards after page ${prev.page}`;
      r.fail('bates_discontinuous', `Page ${p.page} is stamped ${p.bates}: ${gap}.`, { page: p.page, bates: p.bates });
    }
    prev = { n, page: p.page };
  }
  r.check('Bates stamps continuous across pages', ok, `${pages.length} pages`);
}

/** The stamps against the signed map: same count, and page i stamped as the map's entry i. */
function checkAgainstMap(pages: ReadPage[], map: { page: number; bates: string }[], r: ReportBuilder): void {
  let ok = true;
  if (pages.length !== map.length) {
    ok = false;
    r.fail('bates_page_count', `The PDF has ${pages.length} pages but the signed Bates map lists ${map.length}: pages were ${pages.length < map.length ? 'removed' : 'added'}.`, { field: 'bates.pages' });
    // Say which: by Bates number, since every later page has shifted.
    const stamped = new Set(pages.map((p) => p.bates).filter((b): b is string => b !== null));
    for (const e of map) if (!stamped.has(e.bates)) r.fail('bates_page_missing', `Page ${e.page} of the export (Bates ${e.bates}) is not in this PDF.`, { page: e.page, bates: e.bates });
    const mapped = new Set(map.map((e) => e.bates));
    for (const p of pages) if (p.bates !== null && !mapped.has(p.bates)) r.fail('bates_page_unknown', `Page ${p.page} is stamped ${p.bates}, which is not in the signed Bates map.`, { page: p.page, bates: p.bates });
  } else {
    pages.forEach((p, i) => {
      const want = map[i]!.bates;
      if (p.bates !== want) {
        ok = false;
        r.fail('bates_stamp_mismatch', `Page ${p.page} is stamped ${p.bates ?? '(nothing)'} but the signed Bates map says ${want}: the page was renumbered, replaced or moved.`, { page: p.page, bates: p.bates ?? want });
      }
    });
  }
  r.check('pages match the signed Bates map', ok, `${pages.length} pages, ${map.length} in the map`);
}

function parseBundle(bytes: Uint8Array): Bundle | null {
  try {
    const parsed = BundleSchema.safeParse(JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

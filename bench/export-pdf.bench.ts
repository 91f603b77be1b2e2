/**
 * How fast is a 10,000-page Bates PDF, and how much memory does it take, next to jsPDF
 * writing the same number of pages of plain Helvetica text?
 *
 *   renderSeconds      renderBatesPdf over ~53,000 messages in 500 chats (mostly Latin, one
 *                      message in 40 mixing Cyrillic, Greek, Arabic, Hebrew, CJK and emoji, so
 *                      every face is embedded), legend, certification, and the documents as a
 *                      JSON attachment (tens of MB, compressed into the PDF)
 *   readSeconds        readBatesPdf on the result (what verification adds for the PDF)
 *   bareSeconds        the baseline in the same process: jsPDF's text() with Helvetica, the
 *                      same number of pages and lines, a plain-text number per page, no
 *                      embedded fonts and no attachment
 *   peakRssMiB         the highest resident set size sampled during each run (and the
 *                      process's own maximum after both)
 * Goal (issue 6): under 60 s and under 1 GiB peak RSS for 10,000 pages. The machine is
 * shared, so the ratio to the bare run is the figure to compare between runs.
 *
 *   npx tsx bench/export-pdf.bench.ts          # prints JSON
 *   BENCH_PAGES=1000 npx tsx bench/export-pdf.bench.ts
 */
import { jsPDF } from 'jspdf';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { readBatesPdf, renderBatesPdf } from '../electron/core/export/pdf';
import type { ExportDocument } from '../electron/core/export/types';

const MESSAGES_PER_PAGE = 5.9; // measured: a ~600-character message takes 7 lines plus its meta line and gap
const LINES_PER_PAGE = 45;
const MIXED = 'Привет, Καλημέρα, مرحبا بالعالم, שלום עולם, 你好世界, こんにちは 😀🚀 ';
const LATIN = 'The quarterly figures for the northern region were revised after the audit, and the committee asked for the supporting schedules by Friday. ';

function documents(pages: number): ExportDocument[] {
  const messages = Math.round(pages * MESSAGES_PER_PAGE);
  const chats = Math.max(1, Math.round(pages / 20));
  const docs: ExportDocument[] = Array.from({ length: chats }, (_, c) => ({
    tenantId: 't_1', orgId: 'org_1', orgName: 'Acme Corp', chatId: `chat_${c}`, title: `Planning thread ${c}`, custodian: `u***${c % 7}@acme.example`,
    userId: `u_${c % 7}`, createdAt: '2026-03-01T00:00:00Z', deletedAtSource: false, messages: [],
  }));
  for (let i = 0; i < messages; i++) {
    const d = docs[i % chats]!;
    const text = (i % 40 === 7 ? MIXED : '') + LATIN.repeat(4) + `(${i})`;
    d.messages.push({ id: `m_${i}`, chatId: d.chatId, role: i % 2 ? 'assistant' : 'user', model: i % 2 ? 'claude-x' : null, createdAt: new Date(Date.parse('2026-03-01T00:00:00Z') + i * 1000).toISOString(), text, masked: false, maskedKinds: [], recordSeq: i + 1, commitment: 'ab'.repeat(32) });
  }
  return docs;
}

class RssSampler {
  peak = 0;
  private timer: NodeJS.Timeout | null = null;
  start(): void {
    this.peak = process.memoryUsage.rss();
    this.timer = setInterval(() => this.sample(), 50);
  }
  sample(): void {
    const r = process.memoryUsage.rss();
    if (r > this.peak) this.peak = r;
  }
  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.peak;
  }
}

const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;
const mib = (b: number) => Math.round(b / 1048576);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** jsPDF's own text path with a standard font: the floor for "a page of text" in jsPDF. */
async function bare(pages: number, rss: RssSampler): Promise<number> {
  const doc = new jsPDF({ unit: 'pt', format: 'letter', compress: true });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(10);
  const line = LATIN.slice(0, 95);
  for (let p = 0; p < pages; p++) {
    if (p) doc.addPage();
    for (let l = 0; l < LINES_PER_PAGE; l++) doc.text(line, 54, 98 + l * 13.5);
    doc.text(`ACME-${String(p + 1).padStart(8, '0')}`, 480, 746);
    if (p % 25 === 0) {
      rss.sample();
      await new Promise((r) => setImmediate(r));
    }
  }
  return doc.output('arraybuffer').byteLength;
}

export async function run(): Promise<Record<string, number | string>> {
  const target = Number(process.env.BENCH_PAGES ?? 10_000);
  const load = loadavg()[0]!;
  const docs = documents(target);
  const attachment = new TextEncoder().encode(JSON.stringify(docs));
  global.gc?.();

  const rss = new RssSampler();
  rss.start();
  let t = process.hrtime.bigint();
  const out = await renderBatesPdf({
    documents: docs,
    bates: { prefix: 'ACME-', start: 1, digits: 8 },
    legend: 'CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER',
    certification: { lines: ['Checkpoint t_1: size 53001, root 9f2c...', 'Key fingerprint SHA256:0123456789abcdef', 'Verify: ogma verify THIS.pdf'] },
    attachment: () => ({ filename: 'ogma-bundle.json', bytes: attachment }),
  });
  const renderSeconds = seconds(t);
  const renderPeak = rss.stop();

  t = process.hrtime.bigint();
  const read = await readBatesPdf(out.bytes);
  const readSeconds = seconds(t);
  const stampsOk = read.pages.length === out.pages.length && read.pages.every((p, i) => p.bates === out.pages[i]!.bates);
  const pages = out.pages.length;
  const pdfBytes = out.bytes.byteLength;

  global.gc?.();
  const rssBare = new RssSampler();
  rssBare.start();
  t = process.hrtime.bigint();
  const bareBytes = await bare(pages, rssBare);
  const bareSeconds = seconds(t);
  const barePeak = rssBare.stop();

  return {
    pages,
    messages: docs.reduce((n, d) => n + d.messages.length, 0),
    attachmentMiB: r3(attachment.byteLength / 1048576),
    pdfMiB: r3(pdfBytes / 1048576),
    renderSeconds: r3(renderSeconds),
    pagesPerSecond: Math.round(pages / renderSeconds),
    secondsPer10kPages: r3((renderSeconds * 10_000) / pages),
    renderPeakRssMiB: mib(renderPeak),
    readSeconds: r3(readSeconds),
    stampsReadBack: stampsOk ? 'all equal to the map' : 'MISMATCH',
    bareSeconds: r3(bareSeconds),
    barePagesPerSecond: Math.round(pages / bareSeconds),
    barePeakRssMiB: mib(barePeak),
    bareMiB: r3(bareBytes / 1048576),
    ratioRenderToBare: r3(renderSeconds / bareSeconds),
    processMaxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    loadAverageAtStart: r3(load),
    goal: '10,000 pages < 60 s, peak RSS < 1 GiB',
    metGoal: pages >= 9_000 ? ((renderSeconds * 10_000) / pages < 60 && renderPeak < 1024 ** 3 ? 'yes' : 'no') : `n/a (${pages} pages)`,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run().then((r) => console.log(JSON.stringify(r, null, 2)));
}

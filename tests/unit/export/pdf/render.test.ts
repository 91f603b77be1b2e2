import { PDFDocument, PDFName, PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { BatesOptionsError, readBatesPdf, renderBatesPdf, type RenderBatesPdfInput } from '../../../../electron/core/export/pdf';
import type { ExportDocument } from '../../../../electron/core/export/types';

function doc(chatId: string, messages: number, text: (i: number) => string = (i) => `Message ${i}: ${'word '.repeat(40)}`): ExportDocument {
  return {
    tenantId: 't_1', orgId: 'org_1', orgName: 'Acme', chatId, title: `Title of ${chatId}`, custodian: 'a***@acme.test', userId: 'u_1',
    createdAt: '2026-03-01T00:00:00Z', deletedAtSource: false,
    messages: Array.from({ length: messages }, (_, i) => ({
      id: `${chatId}_m${i}`, chatId, role: i % 2 ? 'assistant' : 'user', model: i % 2 ? 'claude-x' : null, createdAt: '2026-03-01T00:00:00Z',
      text: text(i), masked: false, maskedKinds: [], recordSeq: i + 1, commitment: 'ab'.repeat(32),
    })),
  };
}

function input(over: Partial<RenderBatesPdfInput> = {}): RenderBatesPdfInput {
  return {
    documents: [doc('chat_a', 30), doc('chat_b', 2), doc('chat_c', 0)],
    bates: { prefix: 'ACME-', start: 41, digits: 6 },
    legend: 'CONFIDENTIAL',
    certification: { lines: ['Checkpoint t_1 size 99', 'Key fingerprint SHA256:abc', 'Verify with: ogma verify FILE'] },
    attachment: () => null,
    ...over,
  };
}

describe('renderBatesPdf', () => {
  it('numbers every page continuously from the start, each document from a new page, the certification last', async () => {
    const r = await renderBatesPdf(input());
    expect(r.pages.length).toBeGreaterThan(4);
    r.pages.forEach((p, i) => {
      expect(p.page).toBe(i + 1);
      expect(p.bates).toBe(`ACME-${String(41 + i).padStart(6, '0')}`);
    });
    expect(r.firstBates).toBe('ACME-000041');
    expect(r.lastBates).toBe(r.pages[r.pages.length - 1]!.bates);
    const chats = r.pages.map((p) => p.chatId);
    expect(chats[0]).toBe('chat_a');
    expect(chats.filter((c) => c === 'chat_b')).toHaveLength(1);
    expect(chats.filter((c) => c === 'chat_c')).toHaveLength(1); // an empty chat still gets its page
    expect(chats.indexOf('chat_b')).toBeGreaterThan(chats.lastIndexOf('chat_a'));
    expect(chats[chats.length - 1]).toBeNull();

    const back = await readBatesPdf(r.bytes);
    expect(back.pages.map((p) => p.bates)).toEqual(r.pages.map((p) => p.bates));
    expect(back.pages.every((p) => p.stamps.length === 1)).toBe(true);
    expect(back.attachments).toEqual([]);
  });

  it('hands the attachment callback the final page map and embeds what it returns', async () => {
    let seen: unknown = null;
    const payload = new TextEncoder().encode(JSON.stringify({ hello: 'wörld', n: 1 }));
    const r = await renderBatesPdf(input({ attachment: (pages) => ((seen = pages), { filename: 'bundle.json', bytes: payload }) }));
    expect(seen).toEqual(r.pages);
    const back = await readBatesPdf(r.bytes);
    expect(back.attachments).toHaveLength(1);
    expect(back.attachments[0]!.filename).toBe('bundle.json');
    expect(Buffer.from(back.attachments[0]!.bytes).equals(Buffer.from(payload))).toBe(true);
    // Listed where viewers look: Names -> EmbeddedFiles in the catalog.
    const pdf = await PDFDocument.load(r.bytes);
    expect(pdf.catalog.lookup(PDFName.of('Names'), PDFDict).has(PDFName.of('EmbeddedFiles'))).toBe(true);
  });

  it('renders one document alone, without certification or attachment, from a given Bates start (a production image)', async () => {
    const r = await renderBatesPdf(input({ documents: [doc('chat_b', 3)], certification: null, bates: { prefix: 'VOL1_', start: 1234 } }));
    expect(r.pages.map((p) => p.bates)).toEqual(['VOL1_00001234']);
    expect(r.pages[0]!.chatId).toBe('chat_b');
  });

  it('embeds a face per script used, and only those', async () => {
    const texts = ['Latin', 'Привет', 'مرحبا', 'שלום', '中文', '😀'];
    const r = await renderBatesPdf(input({ documents: [doc('chat_m', texts.length, (i) => texts[i]!)], certification: null }));
    const fonts = fontNames(r.bytes);
    for (const f of ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSansArabic', 'NotoSansHebrew', 'NotoSansSC', 'NotoEmoji']) expect(fonts.some((n) => n.includes(f))).toBe(true);
    const latin = await renderBatesPdf(input({ documents: [doc('chat_l', 2)], certification: null }));
    expect(fontNames(latin.bytes).some((n) => n.includes('NotoSansSC'))).toBe(false);
  });

  it('rejects a prefix ending in a digit before doing any work', async () => {
    let called = false;
    await expect(renderBatesPdf(input({ bates: { prefix: 'ACME1', start: 1 }, attachment: () => ((called = true), null) }))).rejects.toBeInstanceOf(BatesOptionsError);
    expect(called).toBe(false);
  });

  it('reports progress up to the total and stops when aborted', async () => {
    const seen: [number, number][] = [];
    await renderBatesPdf(input({ onProgress: (d, t) => seen.push([d, t]) }));
    expect(seen[seen.length - 1]).toEqual([32, 32]);
    const ac = new AbortController();
    const big = input({ documents: [doc('chat_big', 3000)], onProgress: (d) => d >= 200 && ac.abort(new Error('cancelled by the user')) });
    await expect(renderBatesPdf({ ...big, signal: ac.signal })).rejects.toThrow('cancelled by the user');
  });
});

/** BaseFont names of the embedded fonts (jsPDF writes them uncompressed in font dictionaries). */
function fontNames(bytes: Uint8Array): string[] {
  return [...Buffer.from(bytes).toString('latin1').matchAll(/\/BaseFont \/([^\s/]+)/g)].map((m) => m[1]!);
}

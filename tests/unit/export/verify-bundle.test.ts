import { describe, expect, it } from 'vitest';
import { canonicalize, type JsonValue } from '../../../electron/core/chain';
import { serializeBundle } from '../../../electron/core/export';
import { BundleSchema, EXPORT_SIGNATURE_TAG, sniffFormat, verifyBundle, verifyBundleBytes, verifyFile } from '../../../electron/core/verify';
import { VerifyReport } from '../../../shared/api/export-schemas';
import { syntheticBundle } from './synthetic-bundle';

/** The pure verifier on valid bundles, and what it says about things that are not bundles. */

describe('a valid bundle verifies', () => {
  it.each([
    ['one message', { messages: 1 }],
    ['100 messages, some masked', { messages: 100 }],
    ['two checkpoints with a consistency proof', { messages: 40, twoCheckpoints: true }],
    ['a PDF bundle with its Bates map', { messages: 30, bates: true }],
    ['a production bundle with Bates map and files manifest', { messages: 30, bates: true, files: true }],
    ['two tenants, two keys, two signatures', { messages: 50, tenants: 2 }],
  ])('given %s, then the verdict is verified and the counts add up', (_name, opts) => {
    const s = syntheticBundle(opts);
    const r = verifyBundleBytes(s.bytes);
    expect(r.failures).toEqual([]);
    expect(r.verdict).toBe('verified');
    expect(VerifyReport.parse(r)).toEqual(r);
    const masked = s.bundle.documents.flatMap((d) => d.messages).filter((m) => m.masked).length;
    expect(r.counts).toEqual({ messages: opts.messages, verified: opts.messages - masked, verifiedTextMasked: masked, failed: 0 });
    expect(r.fingerprints.map((f) => f.fingerprint)).toEqual(s.bundle.tenants.map((t) => t.fingerprint));
    expect(r.summary).toMatch(/^VERIFIED/);
  });

  it('masked messages are reported as "record verified, text masked", never as text verified', () => {
    const s = syntheticBundle({ messages: 10, maskEvery: 1 });
    const r = verifyBundle(s.bundle);
    expect(r.verdict).toBe('verified');
    expect(r.counts).toMatchObject({ verified: 0, verifiedTextMasked: 10 });
    expect(r.checks.find((c) => c.name === 'text commitments')?.detail).toContain('10 masked');
  });

  it('whitespace and key order do not matter: the parsed, canonical content is what is verified', () => {
    const s = syntheticBundle({ messages: 5 });
    const pretty = Buffer.from(JSON.stringify(JSON.parse(Buffer.from(s.bytes).toString()), null, 2));
    expect(verifyBundleBytes(pretty).verdict).toBe('verified');
  });
});

describe('serialisation', () => {
  it('is RFC 8785 canonical JSON of the whole signed bundle, and deterministic', () => {
    const s = syntheticBundle({ messages: 20, bates: true });
    expect(Buffer.from(s.bytes).toString('utf8')).toBe(canonicalize(s.bundle as unknown as JsonValue));
    expect(Buffer.from(serializeBundle(s.bundle)).equals(Buffer.from(s.bytes))).toBe(true);
    expect(BundleSchema.safeParse(JSON.parse(Buffer.from(s.bytes).toString())).success).toBe(true);
  });

  it('signs under a domain tag that no checkpoint note can start with', () => {
    const s = syntheticBundle({ messages: 1 });
    expect(EXPORT_SIGNATURE_TAG).toBe('ogma/export-signature/v1');
    for (const t of s.bundle.tenants) for (const note of t.checkpoints) expect(note.startsWith(EXPORT_SIGNATURE_TAG)).toBe(false);
  });
});

describe('things that are not bundles', () => {
  it.each([
    ['empty input', Buffer.alloc(0)],
    ['not UTF-8', Buffer.from([0xff, 0xfe, 0x7b])],
    ['not JSON', Buffer.from('{"format": ')],
    ['a JSON array', Buffer.from('[1,2]')],
    ['another JSON document', Buffer.from('{"hello":"world"}')],
    ['a future version', Buffer.from('{"format":"ogma-export-bundle","version":2}')],
  ])('given %s, then the verdict is unreadable with a message', (_n, bytes) => {
    const r = verifyBundleBytes(bytes);
    expect(r.verdict).toBe('unreadable');
    expect(r.failures[0]?.message.length).toBeGreaterThan(10);
  });

  it('a bundle missing a required section is not verified and names the field', () => {
    const s = syntheticBundle({ messages: 3 });
    const v = JSON.parse(Buffer.from(s.bytes).toString());
    delete v.documents[0].messages[1].commitment;
    const r = verifyBundle(v);
    expect(r.verdict).toBe('not_verified');
    expect(r.failures[0]).toMatchObject({ code: 'schema', where: { field: 'documents.0.messages.1.commitment', messageId: v.documents[0].messages[1].id } });
  });

  it('verifyFile sniffs the container: JSON, PDF and ZIP (containers without an installed verifier are unreadable, saying so)', async () => {
    const s = syntheticBundle({ messages: 2 });
    expect(sniffFormat(s.bytes)).toBe('json');
    expect((await verifyFile(s.bytes)).verdict).toBe('verified');
    expect(sniffFormat(Buffer.from('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe('production');
    const junk = await verifyFile(Buffer.from('GIF89a'));
    expect(junk).toMatchObject({ verdict: 'unreadable', format: 'unknown' });
    const pdf = await verifyFile(Buffer.from('%PDF-1.7\n%garbage'));
    expect(pdf.verdict).toBe('unreadable');
    expect(pdf.format).toBe('pdf');
  });
});

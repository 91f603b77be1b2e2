import { unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeProductionVolume, type ProductionVolume } from '../../../electron/core/export/production';
import { verifyProduction } from '../../../electron/core/verify/verify-production';
import { makeFixture, stampedRenderer } from './production-fixture';

/**
 * Random mutations of a valid volume: the verifier never throws, and never says 'verified'
 * for a volume whose content differs from the original. (ZIP container metadata such as
 * timestamps is not content; a raw-byte mutation that verifies must leave every file equal.)
 */

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sameEntries = (a: Record<string, Uint8Array>, b: Record<string, Uint8Array>) =>
  Object.keys(a).length === Object.keys(b).length && Object.keys(a).every((k) => b[k] !== undefined && Buffer.from(a[k]!).equals(Buffer.from(b[k]!)));

describe('production volume fuzz', () => {
  let vol: ProductionVolume;
  let original: Record<string, Uint8Array>;
  beforeAll(async () => {
    const f = makeFixture(2, 2);
    vol = await writeProductionVolume({
      documents: f.documents,
      bates: { prefix: 'ACME-', start: 1, digits: 8 },
      confidentiality: 'CONFIDENTIAL',
      producedAt: '2026-11-23T12:30:00.000Z',
      renderDocumentPdf: stampedRenderer,
      buildProof: f.buildProof,
    });
    original = unzipSync(vol.zip);
    expect((await verifyProduction(vol.zip)).verdict).toBe('verified');
  });

  it('one changed byte in any file of the volume is never verified', async () => {
    const rand = prng(6);
    const names = Object.keys(original);
    for (let i = 0; i < 400; i++) {
      const name = names[Math.floor(rand() * names.length)]!;
      const bytes = new Uint8Array(original[name]!);
      const at = Math.floor(rand() * bytes.length);
      bytes[at] = bytes[at]! ^ (1 + Math.floor(rand() * 255));
      const r = await verifyProduction(zipSync({ ...original, [name]: bytes }));
      if (r.verdict === 'verified') throw new Error(`A change at byte ${at} of ${name} was verified.`);
      expect(['not_verified', 'unreadable']).toContain(r.verdict);
    }
  }, 300_000);

  it('raw byte changes to the ZIP never crash the verifier, and a verified one has the original content', async () => {
    const rand = prng(7);
    for (let i = 0; i < 200; i++) {
      const bytes = new Uint8Array(vol.zip);
      const at = Math.floor(rand() * bytes.length);
      bytes[at] = bytes[at]! ^ (1 + Math.floor(rand() * 255));
      const r = await verifyProduction(bytes);
      expect(['verified', 'not_verified', 'unreadable']).toContain(r.verdict);
      if (r.verdict === 'verified') expect(sameEntries(unzipSync(bytes), original)).toBe(true);
    }
  }, 300_000);
});

import { describe, expect, it } from 'vitest';
import { writeReleasableVolume } from '../../../electron/core/export/production';
import { verifyProduction } from '../../../electron/core/verify/verify-production';
import type { FormatWriter } from '../../../electron/services/export';
import { makeFixture, unstampedRenderer } from './production-fixture';

// The export service's writer slot takes this function as it is (checked by the compiler).
const asServiceWriter: FormatWriter = writeReleasableVolume;

const ctx = (f: ReturnType<typeof makeFixture>) => ({
  documents: f.documents,
  bates: { prefix: 'ACME-', start: 1, digits: 8 },
  legend: 'CONFIDENTIAL',
  producedAt: '2026-11-23T12:30:00.000Z',
  bundleFor: ({ bates, files }: { bates: Parameters<typeof f.buildProof>[0]['bates'] | null; files: Parameters<typeof f.buildProof>[0]['files'] | null }) =>
    f.buildProof({ volume: 'VOL001', bates: bates!, files: files! }) as Uint8Array,
  onProgress: () => {},
  certificationLines: [],
});

describe('releasing a production volume', () => {
  it('given a good volume, the writer hands back the ZIP, its bundle and its Bates range, and it verifies', async () => {
    const f = makeFixture(2, 3);
    const out = await asServiceWriter(ctx(f));
    expect(out.bates).toEqual({ first: 'ACME-00000001', last: expect.stringMatching(/^ACME-0000000\d$/) });
    expect((await verifyProduction(out.bytes)).verdict).toBe('verified');
  });

  it('given images without Bates stamps, the release check refuses the volume and says where', async () => {
    const f = makeFixture(1, 2);
    await expect(writeReleasableVolume({ ...ctx(f), renderDocumentPdf: unstampedRenderer })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringMatching(/failed its release check.*stamped/),
      where: { path: expect.stringMatching(/^VOL001\/IMAGES\//) },
    });
  });

  it('given a cancelled signal, nothing is released', async () => {
    const f = makeFixture(1, 1);
    const ac = new AbortController();
    ac.abort();
    await expect(writeReleasableVolume({ ...ctx(f), signal: ac.signal })).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VerifyFileRequest } from '../../../../shared/api/export-schemas';
import { WEB_RPC_MAX_MESSAGE_BYTES } from '../../../../shared/api/limits';
import { bytesToBase64, uploadLimit, uploadRequest } from '../../../../renderer/evidence/verify/verifyInput';

describe('sending a picked file to verify.file', () => {
  it('base64 matches Node for sizes around the chunk size and for every byte value', () => {
    for (const n of [0, 1, 2, 3, 0x7fff, 0x8000, 0x8001, 100_000]) {
      const bytes = new Uint8Array(randomBytes(n));
      expect(bytesToBase64(bytes), `n=${n}`).toBe(Buffer.from(bytes).toString('base64'));
    }
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
  });

  it('in the browser host, a file at the limit makes a JSON-RPC message under what the socket accepts', () => {
    const limit = uploadLimit('web');
    const plan = uploadRequest('bundle.json', new Uint8Array(limit), 'web');
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    const message = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'verify.file', params: plan.request });
    expect(Buffer.byteLength(message)).toBeLessThan(WEB_RPC_MAX_MESSAGE_BYTES);
    expect(limit).toBeGreaterThan(50 * 1024 * 1024); // a sizeable PDF or volume, not just a demo bundle
    expect(VerifyFileRequest.safeParse(plan.request).success).toBe(true);
  });

  it('one byte more is refused before sending, pointing at the path field', () => {
    const plan = uploadRequest('big.pdf', new Uint8Array(uploadLimit('web') + 1), 'web');
    expect(plan.ok).toBe(false);
    if (!plan.ok) expect(plan.message).toMatch(/path/);
  });

  it('the desktop app takes far larger uploads (only the contract limits them); an empty file is refused everywhere', () => {
    expect(uploadLimit('electron')).toBeGreaterThan(100 * 1024 * 1024);
    const empty = uploadRequest('empty.json', new Uint8Array(0), 'electron');
    expect(empty.ok).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Logger, maskSecrets } from '../../../electron/core/log';

const SAMPLES: [string, string][] = [
  ['anthropic compliance key', 'sk-ant-api01-AbCdEf0123456789_-XyZabcdefghijklmnopQRSTUV0123456789-abcdefAA'],
  ['anthropic admin key', 'sk-ant-admin01-ZZZZyyyyXXXXwwww0000111122223333444455556666'],
  ['openai admin key', 'sk-admin-AbCdEf0123456789AbCdEf0123456789'],
  ['openai project key', 'sk-proj-AbCdEf0123456789AbCdEf0123456789'],
  ['legacy sk key', 'sk-AbCdEf0123456789AbCdEf0123456789'],
  ['hex key', 'a3f1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'],
  ['base64 key', 'q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA='],
];

describe('log masking: a second line of defence against secrets in logs', () => {
  for (const [what, secret] of SAMPLES) {
    it(`given a line containing a ${what}, then the secret does not reach the sink`, () => {
      const lines: string[] = [];
      const log = new Logger({ write: (l) => lines.push(l) });
      log.error(`request failed with key ${secret} (retrying)`);
      expect(lines).toHaveLength(1);
      expect(lines[0]).not.toContain(secret);
      expect(lines[0]).not.toContain(secret.slice(-16));
      expect(lines[0]).toContain('retrying');
    });
  }

  it('given an Authorization header or x-api-key in an error message, then the token is masked', () => {
    const out = maskSecrets('headers: {"x-api-key": "abcd1234efgh", "authorization": "Bearer eyJhbGciOi.payload.sig"}');
    expect(out).not.toContain('abcd1234efgh');
    expect(out).not.toContain('eyJhbGciOi');
  });

  it('given a Bearer token, then only the scheme survives', () => {
    expect(maskSecrets('Authorization: Bearer abc.def-ghi_jkl')).not.toContain('abc.def');
  });

  it('given structured fields, then values under secret-sounding names and key-shaped strings are masked, Buffers summarised', () => {
    const lines: string[] = [];
    const log = new Logger({ write: (l) => lines.push(l) });
    log.info('connected', { passphrase: 'hunter2 hunter2', nested: { apiKey: 'plain-looking' }, note: 'uses sk-ant-api01-AAAAAAAAAAAAAAAAAAAA', raw: Buffer.from('secret bytes') });
    const line = lines[0]!;
    expect(line).not.toContain('hunter2');
    expect(line).not.toContain('plain-looking');
    expect(line).not.toContain('AAAAAAAAAAAAAAAAAAAA');
    expect(line).not.toContain('secret bytes');
    expect(line).toContain('[bytes:12]');
  });

  it('given ordinary prose, ids and paths, then they pass unchanged', () => {
    const text = 'Pulled 40 messages for org_acme from chat_01 into /tmp/case.ogma at 2026-11-23T10:00:00.000Z; skipped sk-ant (no key).';
    expect(maskSecrets(text)).toBe(text);
  });

  it('given a level threshold, then lines below it are not written', () => {
    const lines: string[] = [];
    const log = new Logger({ write: (l) => lines.push(l) }, { level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    expect(lines.map((l) => JSON.parse(l).message)).toEqual(['loud']);
  });
});

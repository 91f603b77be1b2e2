import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  generateSigningKey,
  publicKeyFingerprint,
  readUnverifiedCheckpoint,
  signCheckpoint,
  signingKeyFromPkcs8,
  verifyCheckpoint,
  type Checkpoint,
  type CheckpointResult,
} from '../../../electron/core/chain/index';
import { OgmaError } from '../../../shared/api/errors';

const gen = generateSigningKey('ogma-tn_acme');
const key = signingKeyFromPkcs8(gen.name, gen.privateKeyPkcs8);
const cp: Checkpoint = {
  origin: 'ogma.local/tenant/tn_acme',
  size: 1500,
  root: createHash('sha256').update('root').digest(),
  time: '2026-11-23T10:00:00.000Z',
};
const note = signCheckpoint(cp, key);
const check = (n: string, k = key.publicKey, name = key.name, origin?: string) => verifyCheckpoint(n, k, name, origin);
const reason = (r: CheckpointResult) => (r.ok ? 'ok' : r.reason);

describe('checkpoints as C2SP signed notes', () => {
  it('given a checkpoint, when signed, then the note has the tlog-checkpoint body, a blank line and one em-dash signature line', () => {
    const lines = note.split('\n');
    expect(lines.slice(0, 4)).toEqual([cp.origin, '1500', cp.root.toString('base64'), 'time 2026-11-23T10:00:00.000Z']);
    expect(lines[4]).toBe('');
    expect(lines[5]).toMatch(/^\u2014 ogma-tn_acme [A-Za-z0-9+/]+=*$/);
    expect(note.endsWith('\n')).toBe(true);
    const blob = Buffer.from(lines[5]!.split(' ')[2]!, 'base64');
    expect(blob).toHaveLength(68);
    // keyId = SHA-256(name || "\n" || 0x01 || raw public key)[0:4]
    const id = createHash('sha256').update('ogma-tn_acme\n').update(Buffer.from([1])).update(key.publicKey).digest().subarray(0, 4);
    expect(blob.subarray(0, 4).equals(id)).toBe(true);
  });

  it('given a signed note, when verified with the right key and origin, then the checkpoint comes back intact', () => {
    const r = check(note, key.publicKey, key.name, cp.origin);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.checkpoint).toEqual(cp);
    expect(check(note).ok).toBe(true); // origin check is optional
  });

  it('given a pkcs8 key, when reloaded, then its public key and signatures are the same key', () => {
    expect(key.publicKey.equals(gen.publicKey)).toBe(true);
    expect(key.publicKey).toHaveLength(32);
    const again = signingKeyFromPkcs8(gen.name, gen.privateKeyPkcs8);
    expect(check(signCheckpoint(cp, again)).ok).toBe(true);
  });

  it('given a public key, then its fingerprint is stable, OpenSSH-style and differs between keys', () => {
    const fp = publicKeyFingerprint(key.publicKey);
    expect(fp).toBe('SHA256:' + createHash('sha256').update(key.publicKey).digest('base64').replace(/=+$/, ''));
    expect(publicKeyFingerprint(Buffer.from(key.publicKey))).toBe(fp);
    expect(publicKeyFingerprint(generateSigningKey('x').publicKey)).not.toBe(fp);
  });

  describe('given a note tampered after signing, when verified, then bad_signature', () => {
    it.each([
      ['size', (n: string) => n.replace('\n1500\n', '\n1501\n')],
      ['size to something smaller', (n: string) => n.replace('\n1500\n', '\n15\n')],
      ['root', (n: string) => n.replace(cp.root.toString('base64'), createHash('sha256').update('other').digest('base64'))],
      ['time', (n: string) => n.replace('2026-11-23T10:00:00.000Z', '2026-11-23T10:00:01.000Z')],
      ['origin', (n: string) => n.replace('tn_acme\n', 'tn_evil\n')],
      ['signature bytes', (n: string) => {
        const [body, sig] = n.split('\n\n') as [string, string];
        const parts = sig.trimEnd().split(' ');
        const blob = Buffer.from(parts[2]!, 'base64');
        blob[10]! ^= 1;
        return `${body}\n\n${parts[0]} ${parts[1]} ${blob.toString('base64')}\n`;
      }],
    ])('%s', (_what, tamper) => {
      const bad = tamper(note);
      expect(bad).not.toBe(note);
      expect(reason(check(bad))).toBe('bad_signature');
    });
  });

  it('given a note signed by another key under the same name, then unknown_key (its key id differs)', () => {
    const other = signingKeyFromPkcs8('ogma-tn_acme', generateSigningKey('ogma-tn_acme').privateKeyPkcs8);
    expect(reason(check(signCheckpoint(cp, other)))).toBe('unknown_key');
  });

  it('given another key that copies our key id into its signature line, then bad_signature', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const body = note.split('\n\n')[0]! + '\n';
    const id = Buffer.from(note.split('\n')[5]!.split(' ')[2]!, 'base64').subarray(0, 4);
    const forged = `${body}\n\u2014 ogma-tn_acme ${Buffer.concat([id, sign(null, Buffer.from(body), privateKey)]).toString('base64')}\n`;
    expect(reason(check(forged))).toBe('bad_signature');
  });

  it('given the verifier expects another key name, then unknown_key', () => {
    expect(reason(check(note, key.publicKey, 'ogma-tn_other'))).toBe('unknown_key');
  });

  it('given a validly signed checkpoint of another log, when the origin is checked, then wrong_origin', () => {
    const r = check(note, key.publicKey, key.name, 'ogma.local/tenant/tn_other');
    expect(reason(r)).toBe('wrong_origin');
    if (!r.ok) expect(r.message).toContain('tn_acme');
  });

  it('given a note cosigned by a witness, then our signature is found among several lines', () => {
    const witness = signingKeyFromPkcs8('witness.example', generateSigningKey('witness.example').privateKeyPkcs8);
    const w = signCheckpoint(cp, witness);
    const both = note + w.split('\n\n')[1]!;
    expect(check(both).ok).toBe(true);
    expect(check(both, witness.publicKey, witness.name).ok).toBe(true);
  });

  describe('given garbage, when verified, then malformed and never a throw', () => {
    const [body, sigs] = note.split('\n\n') as [string, string];
    const garbage: [string, unknown][] = [
      ['empty', ''],
      ['one word', 'hello'],
      ['no blank line', note.replace('\n\n', '\n')],
      ['no signature lines', body + '\n\n'],
      ['no trailing newline', note.slice(0, -1)],
      ['trailing junk', note + 'x'],
      ['extra blank line', note + '\n'],
      ['hyphen instead of em dash', note.replace('\u2014', '-')],
      ['non-canonical base64 signature', body + '\n\n' + sigs.replace(/=*\n$/, '') + '\n'],
      ['leading zero size', note.replace('\n1500\n', '\n01500\n')],
      ['negative size', note.replace('\n1500\n', '\n-1\n')],
      ['huge size', note.replace('\n1500\n', '\n99999999999999999999\n')],
      ['short root', note.replace(cp.root.toString('base64'), Buffer.alloc(31).toString('base64'))],
      ['no time line', note.replace(/time [^\n]+\n/, '')],
      ['bad time', note.replace('2026-11-23T10:00:00.000Z', '2026-02-30T10:00:00.000Z')],
      ['extra body line', note.replace('time ', 'extra\ntime ')],
      ['empty origin', note.replace(cp.origin, '')],
      ['CRLF line endings', note.replace(/\n/g, '\r\n')],
      ['binary noise', Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 97) % 256)).toString('latin1')],
      ['enormous', 'a\n'.repeat(20_000) + '\n\u2014 k AAAA\n'],
      ['not a string', 12345],
      ['null', null],
    ];
    it.each(garbage)('%s', (_what, n) => {
      let r: CheckpointResult | undefined;
      expect(() => {
        r = check(n as string);
      }).not.toThrow();
      expect(reason(r!)).toBe('malformed');
      if (r && !r.ok) expect(r.message.length).toBeGreaterThan(10);
    });

    it('and a few thousand random single-byte corruptions never throw and never pass', () => {
      let seed = 7;
      const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
      for (let i = 0; i < 3000; i++) {
        const bytes = Buffer.from(note, 'utf8');
        const at = Math.floor(rnd() * bytes.length);
        const v = Math.floor(rnd() * 256);
        if (bytes[at] === v) continue;
        bytes[at] = v;
        const r = check(bytes.toString('utf8'));
        expect(r.ok).toBe(false);
      }
    });
  });

  it('given an unverified note, when only read for its claims, then size etc. come back or null', () => {
    expect(readUnverifiedCheckpoint(note)?.size).toBe(1500);
    expect(readUnverifiedCheckpoint('junk')).toBeNull();
  });

  it('given invalid inputs to signing, then VALIDATION_FAILED', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof OgmaError ? e.code : 'other';
      }
      return 'none';
    };
    expect(code(() => generateSigningKey('has space'))).toBe('VALIDATION_FAILED');
    expect(code(() => generateSigningKey('a+b'))).toBe('VALIDATION_FAILED');
    expect(code(() => generateSigningKey(''))).toBe('VALIDATION_FAILED');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'der', type: 'pkcs8' });
    expect(code(() => signingKeyFromPkcs8('k', rsa))).toBe('VALIDATION_FAILED');
    expect(code(() => signingKeyFromPkcs8('k', Buffer.from('nope')))).toBe('VALIDATION_FAILED');
    expect(code(() => signCheckpoint({ ...cp, origin: 'a\nb' }, key))).toBe('VALIDATION_FAILED');
    expect(code(() => signCheckpoint({ ...cp, size: -1 }, key))).toBe('VALIDATION_FAILED');
    expect(code(() => signCheckpoint({ ...cp, root: Buffer.alloc(8) }, key))).toBe('VALIDATION_FAILED');
    expect(code(() => signCheckpoint({ ...cp, time: '2026-11-23 10:00' }, key))).toBe('VALIDATION_FAILED');
    expect(code(() => verifyCheckpoint(note, Buffer.alloc(31), key.name))).toBe('VALIDATION_FAILED');
  });
});

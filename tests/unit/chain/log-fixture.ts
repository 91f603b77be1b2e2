/**
 * Builds realistic tenant logs for the verification specs: records chained by prev hash,
 * signed checkpoints at regular sizes, and helpers to tamper with them the way an attacker
 * (or a broken disk) would.
 */
import { createHash } from 'node:crypto';
import {
  encodeRecord,
  generateSigningKey,
  GENESIS_PREV,
  MerkleFrontier,
  recordLeafHash,
  signCheckpoint,
  signingKeyFromPkcs8,
  type ChainRecord,
  type SigningKey,
} from '../../../electron/core/chain/index';

export const TENANT = 'tn_acme';
export const ORIGIN = 'ogma.local/tenant/tn_acme';
export const KEY_NAME = 'ogma-tn_acme';

export function makeKey(name = KEY_NAME): SigningKey {
  const g = generateSigningKey(name);
  return signingKeyFromPkcs8(g.name, g.privateKeyPkcs8);
}

export interface Log {
  records: { seq: number; bytes: Buffer }[];
  decoded: ChainRecord[];
  checkpoints: { note: string }[];
  key: SigningKey;
  tenant: string;
  origin: string;
}

export function recordFor(seq: number, prev: string, tenant = TENANT): ChainRecord {
  const t = Date.parse('2026-11-23T10:00:00.000Z') + seq * 1000;
  return {
    v: 1,
    tenant,
    seq,
    type: seq === 0 ? 'tenant_created' : seq % 97 === 0 ? 'pull_completed' : 'message_captured',
    at: new Date(t).toISOString(),
    actor: seq % 97 === 0 ? 'mem_alice' : 'system:capture',
    prev,
    body: {
      chat: `chat_${Math.floor(seq / 10)}`,
      message: `msg_${seq}`,
      role: seq % 2 ? 'assistant' : 'user',
      commit: createHash('sha256').update(`text ${seq}`).digest('hex'),
      tokens: seq * 3,
      tags: seq % 5 === 0 ? ['flagged', { by: 'rule\n7', score: 0.25 }] : [],
    },
  };
}

/** Re-chain records[from..] after an edit: recompute every prev and re-encode, as a careful forger would. */
export function rechain(decoded: ChainRecord[], from: number): { records: { seq: number; bytes: Buffer }[]; decoded: ChainRecord[] } {
  const out = decoded.map((r) => structuredClone(r));
  const records: { seq: number; bytes: Buffer }[] = [];
  let prev = GENESIS_PREV;
  for (const r of out) {
    if (r.seq >= from) r.prev = prev;
    const bytes = encodeRecord(r);
    records.push({ seq: r.seq, bytes });
    prev = recordLeafHash(bytes).toString('hex');
  }
  return { records, decoded: out };
}

/** Checkpoints over the given records at every `every` records and at the end, signed by `key`. */
export function checkpointsFor(records: { bytes: Buffer }[], every: number, key: SigningKey, origin = ORIGIN): { note: string }[] {
  const f = new MerkleFrontier();
  const notes: { note: string }[] = [];
  records.forEach((r, i) => {
    f.append(recordLeafHash(r.bytes));
    const size = i + 1;
    if (size % every === 0 || size === records.length) {
      notes.push({ note: signCheckpoint({ origin, size, root: f.root(), time: new Date(Date.parse('2026-11-23T12:00:00.000Z') + size * 1000).toISOString() }, key) });
    }
  });
  return notes;
}

export function buildLog(count: number, every: number, key: SigningKey = makeKey(), tenant = TENANT, origin = ORIGIN): Log {
  const decoded: ChainRecord[] = [];
  let prev = GENESIS_PREV;
  const records: { seq: number; bytes: Buffer }[] = [];
  for (let seq = 0; seq < count; seq++) {
    const r = recordFor(seq, prev, tenant);
    const bytes = encodeRecord(r);
    decoded.push(r);
    records.push({ seq, bytes });
    prev = recordLeafHash(bytes).toString('hex');
  }
  return { records, decoded, checkpoints: checkpointsFor(records, every, key, origin), key, tenant, origin };
}

export function verifyInput(log: Pick<Log, 'records' | 'checkpoints' | 'key' | 'tenant' | 'origin'>) {
  return { tenant: log.tenant, records: log.records, checkpoints: log.checkpoints, publicKey: log.key.publicKey, keyName: log.key.name, origin: log.origin };
}

/** A copy of the stored records with one byte of one record changed. */
export function withByte(records: { seq: number; bytes: Buffer }[], seq: number, at: number, value: number) {
  return records.map((r) => {
    if (r.seq !== seq) return r;
    const b = Buffer.from(r.bytes);
    b[at] = value;
    return { seq: r.seq, bytes: b };
  });
}

export function checkpointSize(note: string): number {
  return Number(note.split('\n')[1]);
}

/**
 * A case workspace with N captured chats, for benchmarks of the review screens. It is filled
 * through the capture engine's own storage path (DirectoryTable for organisations and users,
 * writeChat for each chat: the vault seals every message under its subject key, commits to
 * it and appends message_captured, soft deletes get chat_flagged), in transactions of a page
 * of chats as a pull makes them, so every read model sees exactly what a real pull leaves.
 * Only the HTTP walk is skipped: at 100,000 chats the simulator round trips would dominate.
 *
 *   npx tsx bench/support/seed-chats.ts /tmp/case.ogma 100000
 */
import { systemClock } from '../../electron/core/sources';
import { DEFAULT_TUNING } from '../../electron/core/capture';
import { PullContext } from '../../electron/core/capture/context';
import { writeChat } from '../../electron/core/capture/content/chat-writer';
import { PullTracker } from '../../electron/core/capture/progress';
import { RunTable } from '../../electron/core/capture/state/runs';
import { WorkspaceService } from '../../electron/services/workspace';

export const SEED_PASSPHRASE = 'bench seed passphrase 1';
export const SEED_MEMBER = 'Bench investigator';
/** Low scrypt cost: the bench measures the screens, not the keyslot. */
export const SEED_KDF = { N: 1024, r: 8, p: 1 };

const ORGS = ['Acme Legal', 'Acme Research', 'Acme Sales', 'Acme Support'];
const MODELS = ['claude-opus-4-1', 'claude-sonnet-4-5', 'claude-haiku-4-5', 'claude-3-7-sonnet'];
const FIRST = ['Ada', 'Bruno', 'Chen', 'Dana', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kemi', 'Lena', 'Mateo', 'Noor', 'Olga', 'Priya'];
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'García', 'Novak', 'Haddad', 'Kowalski', 'Silva', 'Berg', 'Rossi', 'Nguyen'];
const TEXTS = [
  'Can you summarise the attached contract and list the renewal dates?',
  'Please draft a reply to jane.doe@example.com about the delayed shipment.',
  'The customer paid with 4111 1111 1111 1111; why was the refund declined?',
  'Rewrite this paragraph so it reads more formally.',
  'Call me back on +1 415 555 0132 when the report is ready.',
  'What changed between version 2.3.1 and 2.4.0 of the policy?',
];

export interface SeedResult {
  dir: string;
  tenantId: string;
  chats: number;
  messages: number;
  seconds: number;
}

/** Deterministic pseudo-random numbers, so two seeds of the same size hold the same data. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export async function seedChats(dir: string, chats: number, opts: { chatsPerTransaction?: number; log?: (line: string) => void } = {}): Promise<SeedResult> {
  const perTx = opts.chatsPerTransaction ?? 500;
  const rnd = lcg(20260301);
  const t0 = process.hrtime.bigint();
  const ws = new WorkspaceService({ scrypt: SEED_KDF });
  await ws.createWorkspace({ dir, name: `Bench: ${chats.toLocaleString('en-US')} chats`, memberName: SEED_MEMBER, passphrase: SEED_PASSPHRASE });
  const vault = ws.vault;
  try {
    const tenantId = vault.transaction(() => vault.tenants.create({ vendor: 'anthropic', name: 'Bench Corp' }, SEED_MEMBER)).id;
    const runs = new RunTable(vault.db);
    const now = new Date().toISOString();
    const run = vault.transaction(() => runs.begin(tenantId, now)).run;
    const ctx = new PullContext(vault, tenantId, run.id, SEED_MEMBER, systemClock, new PullTracker(run.id, tenantId, systemClock), DEFAULT_TUNING, new AbortController().signal);

    const orgs = ORGS.map((name, i) => ({ uuid: `org-${String(i).padStart(4, '0')}`, name }));
    const users = Array.from({ length: 200 }, (_, i) => {
      const full = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
      return { id: `user_${String(i).padStart(5, '0')}`, full_name: full, email: `${full.toLowerCase().replace(/[^a-z]+/g, '.')}@acme.example`, org: orgs[i % orgs.length]!.uuid };
    });
    vault.transaction(() => {
      for (const o of orgs) ctx.directory.upsertOrg({ uuid: o.uuid, name: o.name, created_at: '2025-01-01T00:00:00Z' }, run.id, now);
      for (const u of users) ctx.directory.upsertUser(u.org, { id: u.id, full_name: u.full_name, email: u.email, organization_role: 'user', created_at: '2025-01-02T00:00:00Z' }, run.id, now);
    });

    // Chats spread over a year, newest last, each with one or two messages.
    const start = Date.parse('2025-03-01T00:00:00Z');
    const span = 365 * 24 * 3600 * 1000;
    let messages = 0;
    for (let base = 0; base < chats; base += perTx) {
      vault.transaction(() => {
        for (let i = base; i < Math.min(chats, base + perTx); i++) {
          const user = users[Math.floor(rnd() * users.length)]!;
          const created = start + Math.floor((i / chats) * span);
          const updated = created + Math.floor(rnd() * 3 * 24 * 3600 * 1000);
          const softDeleted = rnd() < 0.02;
          const id = `claude_chat_${String(i).padStart(8, '0')}`;
          const n = rnd() < 0.5 ? 1 : 2;
          const msgs = Array.from({ length: n }, (_, k) => ({
            id: `${id}_m${k}`,
            role: k % 2 === 0 ? 'user' : 'assistant',
            created_at: new Date(created + k * 60_000).toISOString(),
            content: [{ type: 'text' as const, text: TEXTS[(i + k) % TEXTS.length]! }],
          }));
          writeChat(ctx, {
            kind: 'chat',
            chat: {
              id,
              name: null,
              created_at: new Date(created).toISOString(),
              updated_at: new Date(updated).toISOString(),
              deleted_at: softDeleted ? new Date(updated).toISOString() : null,
              model: MODELS[i % MODELS.length]!,
              organization_uuid: user.org,
              user: { id: user.id, email_address: user.email },
            },
            messages: msgs,
            requestId: null,
          });
          messages += n;
        }
      });
      if (opts.log && (base / perTx) % 20 === 0) opts.log(`seeded ${Math.min(chats, base + perTx).toLocaleString('en-US')} of ${chats.toLocaleString('en-US')} chats`);
    }
    // The seed is one finished pull as far as capture bookkeeping goes.
    vault.db.prepare(`UPDATE capture_runs SET status = 'complete', finished_at = ? WHERE id = ?`).run(new Date().toISOString(), run.id);
    return { dir, tenantId, chats, messages, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
  } finally {
    ws.closeWorkspace();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) {
    process.stderr.write('usage: npx tsx bench/support/seed-chats.ts DIR [CHATS]\n');
    process.exit(2);
  }
  const r = await seedChats(dir, Number(n ?? 100_000), { log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${JSON.stringify(r)}\n`);
}

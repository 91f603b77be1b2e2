import { OgmaError } from '../../../shared/api/errors';
import { stamp, WORKSPACE_TENANT, type VaultContext } from './context';
import type { ChainStore } from './chainstore';
import type { Role } from './keyslots';
import { sql } from './db';

/** Members as the database knows them; their keyslots live in keyslots.json. */
export interface Member {
  id: string;
  name: string;
  role: Role;
  addedAt: string;
  addedBy: string | null;
}

interface MemberRow {
  id: string;
  name: string;
  role: Role;
  added_at: string;
  added_by: string | null;
}

const NAME_RE = /^[\p{L}\p{N}][\p{L}\p{N} ._@'-]{0,63}$/u;

export function checkMemberName(name: string): void {
  if (typeof name !== 'string' || !NAME_RE.test(name) || name !== name.trim()) {
    throw new OgmaError('VALIDATION_FAILED', `"${String(name)}" is not a usable member name (1-64 letters, digits, spaces and . _ @ ' -, starting with a letter or digit).`, { field: 'name' });
  }
}

export class MemberStore {
  constructor(
    private readonly ctx: VaultContext,
    private readonly chain: ChainStore,
  ) {}

  /** Inside a transaction: the member row and its member_added record in the workspace log. */
  insert(m: { id: string; name: string; role: Role }, actor: string | null): Member {
    const at = stamp(this.ctx.clock);
    const rec = this.chain.append(WORKSPACE_TENANT, 'member_added', { memberId: m.id, name: m.name, role: m.role }, actor ?? m.name);
    sql(this.ctx.db, 'INSERT INTO members (id, name, role, added_at, added_by, record_seq) VALUES (?, ?, ?, ?, ?, ?)').run(m.id, m.name, m.role, at, actor, rec.seq);
    return this.get(m.id)!;
  }

  get(id: string): Member | null {
    const row = sql(this.ctx.db, 'SELECT * FROM members WHERE id = ?').get(id) as MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  byName(name: string): Member | null {
    const row = sql(this.ctx.db, 'SELECT * FROM members WHERE name = ?').get(name) as MemberRow | undefined;
    return row ? toMember(row) : null;
  }

  list(): Member[] {
    return (sql(this.ctx.db, 'SELECT * FROM members ORDER BY added_at, name').all() as MemberRow[]).map(toMember);
  }
}

function toMember(r: MemberRow): Member {
  return { id: r.id, name: r.name, role: r.role, addedAt: r.added_at, addedBy: r.added_by };
}

import type { KeyKind } from '../types';
import { BASE64URL, stableChars, stableId } from '../random/ids';

/** A credential the simulator knows. Secrets are generated from the seed, so they are stable per seed. */
export interface SimKey {
  id: string; // apikey_… (what activities and settings show; never the secret)
  secret: string;
  kind: KeyKind;
  tenantKey: string;
  name: string;
  scopes: string[]; // compliance keys: as granted at creation
  orgUuid: string | null; // a one-org compliance key; null = parent-wide
  createdAfterEnablement: boolean; // admin keys: carries read:compliance_activities only if true
  active: boolean;
  createdAt: number;
  createdById: string | null;
}

const PREFIX: Record<KeyKind, string> = {
  compliance: 'sk-ant-api01-',
  admin: 'sk-ant-admin01-',
  claude_api: 'sk-ant-api03-',
  openai_admin: 'sk-admin-',
  openai_project: 'sk-proj-',
};

/** What a presented secret claims to be, by prefix alone (before any lookup). */
export function kindOfSecret(secret: string): KeyKind | null {
  for (const [kind, prefix] of Object.entries(PREFIX) as Array<[KeyKind, string]>) {
    if (secret.startsWith(prefix) && secret.length > prefix.length) return kind;
  }
  return null;
}

export interface NewKey {
  kind: KeyKind;
  tenantKey: string;
  name: string;
  scopes?: string[];
  orgUuid?: string | null;
  createdAfterEnablement?: boolean;
  createdAt: number;
  createdById?: string | null;
}

export class KeyRegistry {
  private readonly bySecret = new Map<string, SimKey>();
  private readonly byId = new Map<string, SimKey>();
  private readonly order: SimKey[] = [];
  private counter = 0;

  constructor(private readonly seed: string) {}

  create(spec: NewKey): SimKey {
    const n = this.counter++;
    const path = `key:${n}:${spec.tenantKey}:${spec.name}`;
    const body = spec.kind === 'openai_admin' || spec.kind === 'openai_project' ? stableChars(this.seed, path, BASE64URL, 64) : `${stableChars(this.seed, path, BASE64URL, 86)}AA`;
    const key: SimKey = {
      id: stableId(this.seed, 'apikey_', path),
      secret: PREFIX[spec.kind] + body,
      kind: spec.kind,
      tenantKey: spec.tenantKey,
      name: spec.name,
      scopes: [...(spec.scopes ?? [])],
      orgUuid: spec.orgUuid ?? null,
      createdAfterEnablement: spec.createdAfterEnablement ?? true,
      active: true,
      createdAt: spec.createdAt,
      createdById: spec.createdById ?? null,
    };
    this.bySecret.set(key.secret, key);
    this.byId.set(key.id, key);
    this.order.push(key);
    return key;
  }

  /** Active key for a secret, or null (unknown, revoked). */
  lookup(secret: string): SimKey | null {
    const key = this.bySecret.get(secret);
    return key && key.active ? key : null;
  }

  find(secretOrId: string): SimKey | null {
    return this.bySecret.get(secretOrId) ?? this.byId.get(secretOrId) ?? null;
  }

  /** Takes effect on the next request, with no grace period (reference §1). */
  revoke(secretOrId: string): SimKey | null {
    const key = this.find(secretOrId);
    if (key) key.active = false;
    return key;
  }

  list(tenantKey: string, kind?: KeyKind): SimKey[] {
    return this.order.filter((k) => k.tenantKey === tenantKey && (!kind || k.kind === kind));
  }
}

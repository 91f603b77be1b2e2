import type { Res } from '../../../shared/api/contract';
import type { ExportDraft, TenantRef } from './exportDraft';

export type Facets = Res<'content.facets'>;
type FacetUser = Facets['users'][number];
type FacetOrg = Facets['orgs'][number];

/** Option values of the pickers: a tenant and an id, both needed since ids repeat across tenants. */
export function refKey(ref: TenantRef): string {
  return JSON.stringify([ref.tenantId, ref.id]);
}

export function refFromKey(key: string): TenantRef | null {
  if (!key) return null;
  try {
    const v: unknown = JSON.parse(key);
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { tenantId: v[0], id: v[1] };
  } catch {
    // Not one of ours: treated as no choice.
  }
  return null;
}

/** A masked address ("[EMAIL]") tells the reader nothing, so it is left out of a label. */
function readableEmail(email: string | null): string | null {
  return email && !/^\[[^\]]*\]$/.test(email.trim()) ? email : null;
}

export function userLabel(u: Pick<FacetUser, 'id' | 'name' | 'email'>): string {
  const email = readableEmail(u.email);
  if (u.name && email) return `${u.name} <${email}>`;
  return u.name ?? email ?? u.id;
}

export function orgLabel(o: Pick<FacetOrg, 'id' | 'name'>): string {
  return o.name ?? o.id;
}

function findUser(facets: Facets | null, ref: TenantRef): FacetUser | undefined {
  return facets?.users.find((u) => u.tenantId === ref.tenantId && u.id === ref.id);
}

function findOrg(facets: Facets | null, ref: TenantRef): FacetOrg | undefined {
  return facets?.orgs.find((o) => o.tenantId === ref.tenantId && o.id === ref.id);
}

/** Users the custodian picker offers: those of the chosen organisation's connection, most chats first. */
export function custodianChoices(facets: Facets | null, org: TenantRef | null): FacetUser[] {
  const users = facets?.users ?? [];
  return users.filter((u) => !org || u.tenantId === org.tenantId).sort((a, b) => b.chats - a.chats || userLabel(a).localeCompare(userLabel(b)));
}

/** One sentence saying what will be exported, for the review step (the filters intersect). */
export function describeDraftScope(d: ExportDraft, facets: Facets | null): string {
  const narrowing: string[] = [];
  if (d.org) {
    const o = findOrg(facets, d.org);
    narrowing.push(`in organisation ${o ? orgLabel(o) : d.org.id}`);
  }
  if (d.user) {
    const u = findUser(facets, d.user);
    narrowing.push(`of custodian ${u ? userLabel(u) : d.user.id}`);
  }
  if (d.query.trim()) narrowing.push(`with a message matching "${d.query.trim()}"`);
  const from = d.from.trim();
  const to = d.to.trim();
  const range = from && to ? `from ${from} to ${to}` : from ? `from ${from} on` : to ? `up to ${to}` : '';

  let subject: string;
  if (d.selection && d.selection.chats.length > 0) {
    const n = d.selection.chats.length;
    const chats = `${n.toLocaleString('en-US')} selected chat${n === 1 ? '' : 's'}`;
    subject = d.selection.name ? `The ${chats} of "${d.selection.name}"` : `The ${chats}`;
    if (narrowing.length > 0) subject += `, those ${narrowing.join(' ')}`;
  } else if (narrowing.length > 0 || range) {
    subject = ['The chats', ...narrowing].join(' ');
  } else {
    subject = 'Every captured chat';
  }
  return range ? `${subject}; only messages ${range} (UTC days).` : `${subject}.`;
}

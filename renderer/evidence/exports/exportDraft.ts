import { ExportRequest, type ExportScope } from '../../../shared/api/export-schemas';
import type { Req } from '../../../shared/api/contract';
import type { Role } from '../../../shared/api/schemas';

/**
 * What the export wizard has gathered so far, as plain form values (strings as typed), and
 * the one translation from it to an `export.create` request. Validation is the contract's
 * own zod schema, so the wizard can never accept what the service would refuse for shape;
 * only the checks the schema cannot know (a reveal needs an admin) are added here.
 */

export type ExportFormatId = 'json' | 'pdf' | 'production';
export type WizardStep = 'scope' | 'format' | 'pii' | 'run';
export const WIZARD_STEPS: readonly WizardStep[] = ['scope', 'format', 'pii', 'run'];

/** An organisation or user as the facets name it: ids are only unique within a tenant. */
export interface TenantRef {
  tenantId: string;
  id: string;
}

export interface ChatRef {
  tenantId: string;
  chatId: string;
}

/** Chats handed over from elsewhere (the Content table, a route): exported as a saved selection when it has a name. */
export interface HandedSelection {
  name: string | null;
  chats: ChatRef[];
}

export interface ExportDraft {
  selection: HandedSelection | null;
  org: TenantRef | null;
  user: TenantRef | null;
  /** YYYY-MM-DD, or '' for open. */
  from: string;
  to: string;
  query: string;
  format: ExportFormatId;
  batesPrefix: string;
  batesStart: string;
  outPath: string;
  /** Once the investigator types a path, changing the format only swaps its extension. */
  outPathEdited: boolean;
  reveal: boolean;
  reason: string;
}

export const EMPTY_DRAFT: ExportDraft = {
  selection: null,
  org: null,
  user: null,
  from: '',
  to: '',
  query: '',
  format: 'json',
  batesPrefix: 'OGMA-',
  batesStart: '1',
  outPath: '',
  outPathEdited: false,
  reveal: false,
  reason: '',
};

export const BATES_DIGITS = 8;

export function usesBates(format: ExportFormatId): boolean {
  return format !== 'json';
}

/** Field name -> what to fix. Keys are the wizard's fields, so a message lands next to its input. */
export type DraftErrors = Partial<Record<DraftField, string>>;
export type DraftField = 'selection' | 'org' | 'user' | 'from' | 'to' | 'query' | 'format' | 'batesPrefix' | 'batesStart' | 'outPath' | 'reason' | 'reveal';

export const STEP_OF_FIELD: Record<DraftField, WizardStep> = {
  selection: 'scope',
  org: 'scope',
  user: 'scope',
  from: 'scope',
  to: 'scope',
  query: 'scope',
  format: 'format',
  batesPrefix: 'format',
  batesStart: 'format',
  outPath: 'format',
  reason: 'pii',
  reveal: 'pii',
};

/** The tenant every chosen filter agrees on, or null when none narrows it. */
function scopeTenant(d: ExportDraft): string | undefined {
  return d.user?.tenantId ?? d.org?.tenantId ?? undefined;
}

export function draftScope(d: ExportDraft): ExportScope {
  const scope: ExportScope = {};
  const tenantId = scopeTenant(d);
  // A handed-over selection may span tenants; the other filters then narrow within it.
  if (tenantId !== undefined && !d.selection) scope.tenantId = tenantId;
  if (d.selection && d.selection.chats.length > 0) {
    const chats = d.selection.chats.map((c) => ({ tenantId: c.tenantId, chatId: c.chatId }));
    if (d.selection.name) scope.selection = { name: d.selection.name, chats };
    else scope.chats = chats;
  }
  if (d.org) scope.orgId = d.org.id;
  if (d.user) scope.userId = d.user.id;
  if (d.from.trim()) scope.from = d.from.trim();
  if (d.to.trim()) scope.to = d.to.trim();
  if (d.query.trim()) scope.query = d.query.trim();
  return scope;
}

/** The request `export.create` gets for this draft (not yet validated). */
export function toExportRequest(d: ExportDraft, taskId: string): Req<'export.create'> {
  const req: Req<'export.create'> = { format: d.format, outPath: d.outPath.trim(), scope: draftScope(d), taskId };
  if (usesBates(d.format)) {
    const start = /^\d+$/.test(d.batesStart.trim()) ? Number(d.batesStart.trim()) : Number.NaN;
    req.bates = { prefix: d.batesPrefix, start, digits: BATES_DIGITS };
  }
  if (d.reveal) req.revealPii = { reason: d.reason };
  return req;
}

/** Maps a zod issue path of ExportRequest to the wizard field that shows it. */
function fieldOfIssue(path: readonly PropertyKey[]): DraftField | null {
  const [top, second] = path;
  if (top === 'outPath') return 'outPath';
  if (top === 'format') return 'format';
  if (top === 'bates') return second === 'start' ? 'batesStart' : 'batesPrefix';
  if (top === 'revealPii') return 'reason';
  if (top === 'scope') {
    if (second === 'from' || second === 'to' || second === 'query') return second;
    if (second === 'userId') return 'user';
    if (second === 'orgId') return 'org';
    return 'selection';
  }
  return null;
}

const FIELD_MESSAGES: Partial<Record<DraftField, string>> = {
  outPath: 'Give the file to write, e.g. /home/me/case-114/export.json.',
  batesStart: 'Start at a whole number from 1 to 999,999,999.',
  from: 'Give the first day as YYYY-MM-DD.',
  to: 'Give the last day as YYYY-MM-DD.',
  reason: 'Say why the unmasked text is needed (at least 3 characters); the reason is recorded.',
};

/**
 * Every problem of the draft, by field. Uses the contract's schema for shapes, adds what
 * only the wizard knows: a reveal needs an admin, and user and organisation must be of one
 * organisation connection (their intersection would otherwise be empty).
 */
export function validateDraft(d: ExportDraft, ctx: { role: Role }): DraftErrors {
  const errors: DraftErrors = {};
  const parsed = ExportRequest.safeParse(toExportRequest(d, 'check'));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(issue.path);
      if (!field || errors[field]) continue;
      // The schema's own messages are written for people where they matter (Bates prefix, reason, dates order).
      const own = issue.message && !/^(Invalid|Too small|Too big|Expected)/i.test(issue.message) ? issue.message : undefined;
      errors[field] = own ?? FIELD_MESSAGES[field] ?? issue.message;
    }
  }
  if (d.user && d.org && d.user.tenantId !== d.org.tenantId) {
    errors.user = 'This user belongs to another connected organisation than the one chosen above; clear one of the two.';
  }
  if (d.reveal && ctx.role !== 'admin') errors.reveal = 'Only an admin can export unmasked personal data. Turn this off, or ask an admin to run the export.';
  if (d.outPath.trim() && !d.outPath.trim().toLowerCase().endsWith(extensionFor(d.format))) {
    errors.outPath ??= `End the file name in ${extensionFor(d.format)}, so the recipient's tools know what it is.`;
  }
  return errors;
}

export function errorsOfStep(errors: DraftErrors, step: WizardStep): DraftErrors {
  return Object.fromEntries(Object.entries(errors).filter(([field]) => STEP_OF_FIELD[field as DraftField] === step)) as DraftErrors;
}

export function firstStepWithErrors(errors: DraftErrors): WizardStep | null {
  for (const step of WIZARD_STEPS) if (Object.keys(errorsOfStep(errors, step)).length > 0) return step;
  return null;
}

export function extensionFor(format: ExportFormatId): '.json' | '.pdf' | '.zip' {
  return format === 'json' ? '.json' : format === 'pdf' ? '.pdf' : '.zip';
}

/** The Bates number of the first page, as it will be stamped. */
export function batesPreview(prefix: string, start: string): string | null {
  if (!/^\d{1,9}$/.test(start.trim()) || Number(start) < 1) return null;
  return `${prefix}${start.trim().padStart(BATES_DIGITS, '0')}`;
}

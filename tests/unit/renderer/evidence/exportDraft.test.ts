import { describe, expect, it } from 'vitest';
import { ExportRequest } from '../../../../shared/api/export-schemas';
import {
  batesPreview,
  EMPTY_DRAFT,
  errorsOfStep,
  firstStepWithErrors,
  toExportRequest,
  validateDraft,
  type ExportDraft,
} from '../../../../renderer/evidence/exports/exportDraft';

const draft = (patch: Partial<ExportDraft> = {}): ExportDraft => ({ ...EMPTY_DRAFT, outPath: '/cases/out/export.json', ...patch });
const admin = { role: 'admin' as const };
const viewer = { role: 'viewer' as const };

describe('export draft -> export.create request', () => {
  it('given the defaults, the request is a masked JSON export of everything, which the contract accepts', () => {
    const req = toExportRequest(draft(), 'task-1');
    expect(req).toEqual({ format: 'json', outPath: '/cases/out/export.json', scope: {}, taskId: 'task-1' });
    expect(ExportRequest.safeParse(req).success).toBe(true);
    expect(validateDraft(draft(), admin)).toEqual({});
  });

  it('a custodian pins the scope to its tenant; dates and the query are trimmed', () => {
    const req = toExportRequest(draft({ user: { tenantId: 't1', id: 'u9' }, from: ' 2026-03-01', to: '2026-03-31 ', query: '  invoice ' }), 'x');
    expect(req.scope).toEqual({ tenantId: 't1', userId: 'u9', from: '2026-03-01', to: '2026-03-31', query: 'invoice' });
  });

  it('handed-over chats become `chats`, or a saved `selection` when they carry a name', () => {
    const chats = [{ tenantId: 't1', chatId: 'c1' }];
    expect(toExportRequest(draft({ selection: { name: null, chats } }), 'x').scope).toEqual({ chats });
    expect(toExportRequest(draft({ selection: { name: 'Hot docs', chats } }), 'x').scope).toEqual({ selection: { name: 'Hot docs', chats } });
  });

  it('JSON carries no Bates numbering; PDF and production carry prefix, start and 8 digits', () => {
    expect(toExportRequest(draft({ batesPrefix: 'ACME-' }), 'x').bates).toBeUndefined();
    const pdf = toExportRequest(draft({ format: 'pdf', outPath: '/o/e.pdf', batesPrefix: 'ACME-', batesStart: '120' }), 'x');
    expect(pdf.bates).toEqual({ prefix: 'ACME-', start: 120, digits: 8 });
    expect(batesPreview('ACME-', '120')).toBe('ACME-00000120');
  });

  it('a reveal sends its reason; masking sends nothing about PII', () => {
    expect(toExportRequest(draft({ reveal: true, reason: 'court order' }), 'x').revealPii).toEqual({ reason: 'court order' });
    expect(toExportRequest(draft({ reveal: false, reason: 'ignored' }), 'x').revealPii).toBeUndefined();
  });
});

describe('validating the draft', () => {
  it('a Bates prefix ending in a digit, or not ASCII, is refused on the prefix field with the schema own words', () => {
    const digit = validateDraft(draft({ format: 'pdf', outPath: '/o/e.pdf', batesPrefix: 'ACME-1' }), admin);
    expect(digit.batesPrefix).toMatch(/ends in a non-digit/);
    const greek = validateDraft(draft({ format: 'pdf', outPath: '/o/e.pdf', batesPrefix: 'ΑΒΓ-' }), admin);
    expect(greek.batesPrefix).toMatch(/ASCII/);
    expect(validateDraft(draft({ format: 'pdf', outPath: '/o/e.pdf', batesPrefix: 'ACME-' }), admin)).toEqual({});
  });

  it('a start number that is not a whole number from 1 is refused on the start field', () => {
    for (const batesStart of ['0', 'abc', '1.5', '']) {
      expect(validateDraft(draft({ format: 'production', outPath: '/o/v.zip', batesStart }), admin).batesStart, batesStart).toBeTruthy();
    }
  });

  it('a range whose start is after its end is refused on "from"; a malformed day on its own field', () => {
    expect(validateDraft(draft({ from: '2026-04-01', to: '2026-03-01' }), admin).from).toMatch(/"from" must not be after "to"/);
    expect(validateDraft(draft({ to: '2026-02-30' }), admin).to).toBeTruthy();
  });

  it('a viewer cannot choose to reveal; an admin must give a reason of at least 3 characters', () => {
    expect(validateDraft(draft({ reveal: true, reason: 'needed for court' }), viewer).reveal).toMatch(/Only an admin/);
    expect(validateDraft(draft({ reveal: true, reason: ' x ' }), admin).reason).toMatch(/Say why/);
    expect(validateDraft(draft({ reveal: true, reason: 'needed for court' }), admin)).toEqual({});
  });

  it('a custodian and an organisation of different connections cannot both be chosen', () => {
    const errors = validateDraft(draft({ org: { tenantId: 't1', id: 'o1' }, user: { tenantId: 't2', id: 'u1' } }), admin);
    expect(errors.user).toMatch(/another connected organisation/);
  });

  it('the file must be named, and end in the extension of its format', () => {
    expect(validateDraft(draft({ outPath: '  ' }), admin).outPath).toMatch(/Give the file to write/);
    expect(validateDraft(draft({ format: 'pdf', outPath: '/o/e.json' }), admin).outPath).toMatch(/\.pdf/);
  });

  it('errors are grouped by step, and the first step with one is where the wizard sends you', () => {
    const errors = validateDraft(draft({ format: 'pdf', outPath: '/o/e.pdf', batesPrefix: 'A1', reveal: true, reason: '' }), admin);
    expect(Object.keys(errorsOfStep(errors, 'format'))).toEqual(['batesPrefix']);
    expect(Object.keys(errorsOfStep(errors, 'pii'))).toEqual(['reason']);
    expect(firstStepWithErrors(errors)).toBe('format');
    expect(firstStepWithErrors({})).toBeNull();
  });
});

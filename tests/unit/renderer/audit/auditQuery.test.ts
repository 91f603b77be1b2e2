import { describe, expect, it } from 'vitest';
import { AuditRecordsRequest, RECORD_TYPE_NAMES } from '../../../../shared/api/review-schemas';
import {
  auditFilterProblem,
  auditRequest,
  isVerifyTask,
  logName,
  NO_AUDIT_FILTERS,
  prettyRecord,
  progressFraction,
  recordTypeLabel,
  recordTypeTone,
  verifyOutcome,
  type VerifyReport,
} from '../../../../renderer/review/audit/auditQuery';

const verdict = (over: Partial<VerifyReport['tenants'][number]> = {}): VerifyReport['tenants'][number] => ({
  tenantId: 't_1',
  ok: true,
  mode: 'full',
  fromSeq: 0,
  size: 100,
  root: 'ab',
  checkpointsVerified: 4,
  messagesChecked: 20,
  problem: null,
  ...over,
});

describe('audit request from the filters', () => {
  it('given no filters, asks for the newest page only', () => {
    expect(auditRequest(NO_AUDIT_FILTERS)).toEqual({ offset: 0, limit: 100 });
  });

  it('given log, type, member and days, sends each as the contract names it, and the contract accepts it', () => {
    const req = auditRequest({ tenant: 'workspace', type: 'pii_revealed', actor: '  Dana ', from: '2026-03-01', to: '2026-03-31' }, 200);
    expect(req).toEqual({ tenantId: 'workspace', types: ['pii_revealed'], actor: 'Dana', range: { from: '2026-03-01', to: '2026-03-31' }, offset: 200, limit: 100 });
    expect(AuditRecordsRequest.safeParse(req).success).toBe(true);
    expect(auditFilterProblem({ ...NO_AUDIT_FILTERS, from: '2026-03-02', to: '2026-03-01' })).toMatch(/after/);
  });
});

describe('record types for people', () => {
  it('labels and colours every type the chain has', () => {
    for (const t of RECORD_TYPE_NAMES) {
      expect(recordTypeLabel(t)).toMatch(/^([A-Z][a-z]+|PII)( [a-z0-9]+)*$/);
      expect(recordTypeTone(t)).not.toBe('unknown');
    }
    expect(recordTypeLabel('pii_revealed')).toBe('PII revealed'); // an acronym, not a word
    expect(recordTypeTone('pii_revealed')).toBe('access');
    expect(recordTypeTone('subject_erased')).toBe('deletion');
    expect(recordTypeTone('something_new')).toBe('unknown');
  });

  it('names logs by organisation, and the workspace log as such', () => {
    const tenants = [{ id: 't_1', name: 'Acme' }];
    expect(logName('t_1', tenants)).toBe('Acme');
    expect(logName('workspace', tenants)).toBe('Workspace');
    expect(logName('t_9', tenants)).toBe('t_9');
  });
});

describe('verification outcome', () => {
  it('given every log intact, says verified and what was checked', () => {
    const o = verifyOutcome({ ok: true, mode: 'full', tenants: [verdict(), verdict({ tenantId: 'workspace', size: 3, messagesChecked: 0, checkpointsVerified: 1 })], workspace: [] }, []);
    expect(o).toMatchObject({ ok: true, headline: 'Chain verified', findings: [] });
    expect(o.detail).toBe('2 logs, 103 records, 5 signed checkpoints and 20 messages checked.');
  });

  it('given a bad record, names the log, the record and what failed; workspace problems are listed too', () => {
    const bad = verdict({ ok: false, size: 41, problem: { seq: 41, code: 'leaf_mismatch', message: 'Record 41 was altered.', affects: 'Records 41 and later.' } });
    const o = verifyOutcome({ ok: false, mode: 'full', tenants: [bad], workspace: [{ code: 'head_missing', message: 'heads.json is missing.', path: 'heads.json' }] }, [{ id: 't_1', name: 'Acme' }]);
    expect(o.ok).toBe(false);
    expect(o.headline).toBe('Verification failed: 2 problems');
    expect(o.findings[0]).toEqual({ log: 'Acme', tenantId: 't_1', seq: 41, code: 'leaf_mismatch', message: 'Record 41 was altered.', affects: 'Records 41 and later.', path: null });
    expect(o.findings[1]).toMatchObject({ log: 'Workspace folder', seq: null, code: 'head_missing', path: 'heads.json' });
  });

  it('fills the bar by done/total, indeterminate without a total, and knows its own events', () => {
    expect(progressFraction({ done: 50, total: 200 })).toBe(0.25);
    expect(progressFraction({ done: 500, total: 200 })).toBe(1);
    expect(progressFraction({ done: 5, total: null })).toBeNull();
    expect(progressFraction({ done: 0, total: 0 })).toBeNull();
    expect(isVerifyTask('verify-17000')).toBe(true);
    expect(isVerifyTask('pull-t_1-3')).toBe(false);
  });

  it('lays out canonical JSON for reading, and leaves unreadable text as it is', () => {
    expect(prettyRecord('{"a":1,"b":{"c":2}}')).toBe('{\n  "a": 1,\n  "b": {\n    "c": 2\n  }\n}');
    expect(prettyRecord('not json')).toBe('not json');
  });
});

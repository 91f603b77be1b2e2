import { describe, expect, it } from 'vitest';
import { checksPassed, summaryText, verdictView, whereColumns } from '../../../../renderer/evidence/verify/reportView';

describe('reading a verify report', () => {
  it('each verdict has its own tone and title', () => {
    expect(verdictView('verified')).toMatchObject({ tone: 'success', title: 'Verified' });
    expect(verdictView('not_verified')).toMatchObject({ tone: 'danger', title: 'Not verified' });
    expect(verdictView('unreadable')).toMatchObject({ tone: 'notice', title: 'Unreadable' });
  });

  it('the summary loses the verdict word the banner already shows', () => {
    expect(summaryText({ summary: 'NOT VERIFIED: 2 problems found. First: x' })).toBe('2 problems found. First: x');
    expect(summaryText({ summary: 'UNREADABLE: not an export.' })).toBe('not an export.');
    expect(summaryText({ summary: '21 messages in 3 documents' })).toBe('21 messages in 3 documents');
  });

  it('the failure table has a column for each location some failure gives, in a fixed order', () => {
    const cols = whereColumns([
      { code: 'a', message: 'm', where: { seq: 4, messageId: 'msg_1' } },
      { code: 'b', message: 'm', where: { page: 3, bates: 'X-00000003' } },
      { code: 'c', message: 'm', where: {} },
    ]);
    expect(cols.map((c) => c.label)).toEqual(['Message', 'Bates', 'Page', 'Record seq']);
    expect(whereColumns([])).toEqual([]);
  });

  it('counts passed and failed checks', () => {
    expect(checksPassed({ checks: [{ name: 'a', ok: true }, { name: 'b', ok: false }, { name: 'c', ok: true }] })).toEqual({ passed: 2, failed: 1 });
  });
});

import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { VerifyReport } from '../../../../shared/api/export-schemas';
import { VerifyReportView } from '../../../../renderer/evidence/verify/VerifyReportView';

const base: VerifyReport = {
  verdict: 'verified',
  format: 'json',
  summary: '3 messages in 1 document',
  fingerprints: [{ tenantId: 't_1', fingerprint: 'SHA256:Tp6N4OANhIyK' }],
  counts: { messages: 3, verified: 2, verifiedTextMasked: 1, failed: 0 },
  checks: [{ name: 'format and schema', ok: true, detail: 'ogma-export-bundle v1' }],
  failures: [],
};

describe('the verify report on screen', () => {
  it('a verified report shows the verdict, the fingerprint in groups, the counts and no failure table', () => {
    const html = renderToStaticMarkup(<VerifyReportView report={base} fileName="e.json" />);
    expect(html).toContain('verdict--success');
    expect(html).toContain('>Verified<');
    expect(html).toContain('<span class="grouped__group">Tp6N</span>');
    expect(html).toMatch(/tile__value num">1<\/span><span class="tile__label">Verified, text masked/);
    expect(html).not.toContain('<table');
  });

  it('a failed report lists every failure with the columns its locations need', () => {
    const report: VerifyReport = {
      ...base,
      verdict: 'not_verified',
      summary: 'NOT VERIFIED: 1 problem found.',
      counts: { messages: 3, verified: 1, verifiedTextMasked: 1, failed: 1 },
      checks: [{ name: 'text commitments', ok: false }],
      failures: [{ code: 'commitment_mismatch', message: 'The text of message "m_2" is not the text that was recorded.', where: { messageId: 'm_2', seq: 119, field: 'documents[0].messages[1].text' } }],
    };
    const html = renderToStaticMarkup(<VerifyReportView report={report} fileName="tampered.json" />);
    expect(html).toContain('verdict--danger');
    expect(html).toContain('>Not verified<');
    expect(html).toContain('<th scope="col">Message</th><th scope="col">Record seq</th><th scope="col">Field</th>');
    expect(html).not.toContain('<th scope="col">Bates</th>');
    expect(html).toContain('>m_2</td>');
    expect(html).toContain('>119</td>');
    expect(html).toContain('check--failed');
    expect(html).toContain('1 problem found.');
    expect(html).not.toContain('NOT VERIFIED:');
  });
});

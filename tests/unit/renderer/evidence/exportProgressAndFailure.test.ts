import { describe, expect, it } from 'vitest';
import { adviceFor } from '../../../../renderer/evidence/exports/exportFailure';
import { phaseLabel, progressPercent, progressText, type Progress } from '../../../../renderer/evidence/exports/exportProgress';

const event = (patch: Partial<Progress>): Progress => ({ taskId: 't', title: 'Exporting (json)', phase: 'reading', done: 0, total: null, rate: null, state: 'running', ...patch });

describe('export progress', () => {
  it('a phase with a total is a percentage; one without is indeterminate; done is full', () => {
    expect(progressPercent(event({ done: 250, total: 1000 }))).toBe(25);
    expect(progressPercent(event({ done: 5, total: null }))).toBeNull();
    expect(progressPercent(event({ done: 5, total: 0 }))).toBeNull();
    expect(progressPercent(event({ phase: 'done', done: 10, total: 10, state: 'done' }))).toBe(100);
    expect(progressPercent(null)).toBeNull();
  });

  it('says what is happening in words, with counts while they are known', () => {
    expect(progressText(event({ done: 1500, total: 20000 }))).toBe('Reading messages (masking personal data): 1,500 of 20,000');
    expect(progressText(event({ phase: 'proving' }))).toMatch(/^Proving/);
    expect(phaseLabel('compressing')).toBe('Compressing');
    expect(progressText(null)).toBe('Starting…');
  });
});

describe('what a failed export asks of the investigator', () => {
  it('an empty scope sends you back to Scope', () => {
    const a = adviceFor({ code: 'VALIDATION_FAILED', message: 'Nothing to export: no readable message is in scope.', field: 'scope' });
    expect(a.step).toBe('scope');
    expect(a.advice).toMatch(/Widen the scope/);
  });

  it('a refused reveal points at the personal-data step and says only an admin may', () => {
    const a = adviceFor({ code: 'FORBIDDEN', message: 'Only an admin can reveal.' });
    expect(a.step).toBe('pii');
    expect(a.advice).toMatch(/Only an admin/);
  });

  it('an existing file or a missing folder sends you to Format; a format not in this build suggests JSON', () => {
    expect(adviceFor({ code: 'ALREADY_EXISTS', message: 'exists', field: 'outPath' })).toMatchObject({ step: 'format', title: 'That file already exists' });
    expect(adviceFor({ code: 'NOT_FOUND', message: 'no folder', field: 'outPath' }).step).toBe('format');
    expect(adviceFor({ code: 'UNAVAILABLE', message: 'not yet', field: 'format' }).advice).toMatch(/JSON bundle/);
    expect(adviceFor({ code: 'VALIDATION_FAILED', message: 'bad prefix', field: 'bates.prefix' }).step).toBe('format');
  });

  it('a cancel says nothing was written or recorded, and goes nowhere', () => {
    const a = adviceFor({ code: 'CANCELLED', message: 'Cancelled.' });
    expect(a.step).toBeNull();
    expect(a.advice).toMatch(/Nothing was written and nothing was recorded/);
  });
});

import { describe, expect, it } from 'vitest';
import { OgmaError } from '../../../shared/api/errors';
import { alertTitleFor, alertToneFor, toFailure } from '../../../renderer/errors/failure';

describe('turning a rejected call into what the UI shows', () => {
  it('given an OgmaError, keeps its code, message and field', () => {
    const e = new OgmaError('VALIDATION_FAILED', 'Invalid request to workspace.create: field "path": Choose a folder for the workspace.', { field: 'path' });
    expect(toFailure(e)).toEqual({ code: 'VALIDATION_FAILED', message: e.message, field: 'path' });
  });

  it('given the services’ "not available yet" answer, shows it as a calm notice', () => {
    const failure = toFailure(new OgmaError('UNAVAILABLE', 'Creating a workspace is not available in this build yet.'));
    expect(failure).toEqual({ code: 'UNAVAILABLE', message: 'Creating a workspace is not available in this build yet.' });
    expect(alertToneFor(failure.code)).toBe('notice');
    expect(alertTitleFor(failure.code)).toBe('Not available');
  });

  it('given a plain error payload (as after crossing a process boundary), reads code and field from it', () => {
    expect(toFailure({ code: 'WRONG_PASSPHRASE', message: 'That passphrase does not open this workspace.', where: { field: 'passphrase' } })).toEqual({
      code: 'WRONG_PASSPHRASE',
      message: 'That passphrase does not open this workspace.',
      field: 'passphrase',
    });
  });

  it('given an unknown code, does not pretend to know it', () => {
    expect(toFailure({ code: 'SOMETHING_NEW', message: 'Odd.' }).code).toBe('UNKNOWN');
  });

  it('never shows a stack trace or Electron’s IPC prefix', () => {
    const e = new Error("Error invoking remote method 'ogma:call': Error: Disk full\n    at Object.<anonymous> (/app/main.js:1:1)");
    expect(toFailure(e)).toEqual({ code: 'UNKNOWN', message: 'Disk full' });
  });

  it('given nothing useful, still says something a person can act on', () => {
    for (const thrown of [undefined, null, 42, new Error(''), { message: '' }]) {
      expect(toFailure(thrown).message).toMatch(/Try again/);
    }
  });

  it('treats unexpected failures as errors, not notices', () => {
    expect(alertToneFor('INTERNAL')).toBe('error');
    expect(alertToneFor('UNKNOWN')).toBe('error');
    expect(alertTitleFor('TAMPERED')).toBe('Integrity check failed');
  });
});

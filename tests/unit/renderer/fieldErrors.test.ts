import { describe, expect, it } from 'vitest';
import { calls } from '../../../shared/api/contract';
import { fieldErrorsFromIssues, messageForField, placeFailure, topLevelField } from '../../../renderer/errors/fieldErrors';

const CREATE_FIELDS = ['path', 'name', 'memberName', 'passphrase', 'confirm'] as const;

describe('placing a failure on the form', () => {
  it('given where.field names a field of the form, shows the message next to it', () => {
    const placed = placeFailure(
      { code: 'VALIDATION_FAILED', message: 'Invalid request to workspace.create: field "passphrase": Use a passphrase of at least 12 characters.', field: 'passphrase' },
      CREATE_FIELDS,
    );
    expect(placed).toEqual({ fieldErrors: { passphrase: 'Use a passphrase of at least 12 characters.' }, formFailure: null });
  });

  it('given where.field names something the form does not show, falls back to a form-level alert', () => {
    const failure = { code: 'VALIDATION_FAILED' as const, message: 'Invalid request: field "tenant": bad', field: 'tenant' };
    expect(placeFailure(failure, CREATE_FIELDS)).toEqual({ fieldErrors: {}, formFailure: failure });
  });

  it('given no field, shows the failure as a form-level alert', () => {
    const failure = { code: 'UNAVAILABLE' as const, message: 'Creating a workspace is not available in this build yet.' };
    expect(placeFailure(failure, CREATE_FIELDS)).toEqual({ fieldErrors: {}, formFailure: failure });
  });

  it('given no field but a code that implies one, puts it on that field', () => {
    const placed = placeFailure({ code: 'WRONG_PASSPHRASE', message: 'That passphrase does not open this workspace.' }, ['path', 'passphrase'] as const, {
      WRONG_PASSPHRASE: 'passphrase',
    });
    expect(placed.fieldErrors).toEqual({ passphrase: 'That passphrase does not open this workspace.' });
  });

  it('prefers the field the service named over the one the code implies', () => {
    const placed = placeFailure({ code: 'NOT_FOUND', message: 'No member named Ana.', field: 'memberName' }, ['path', 'memberName'] as const, { NOT_FOUND: 'path' });
    expect(placed.fieldErrors).toEqual({ memberName: 'No member named Ana.' });
  });

  it('maps nested paths to the top-level field', () => {
    expect(topLevelField('members[0].name')).toBe('members');
    expect(topLevelField('path')).toBe('path');
  });

  it('keeps messages that are not in the dispatcher’s wording as they are', () => {
    expect(messageForField({ code: 'ALREADY_EXISTS', message: 'That folder already holds a workspace.' })).toBe('That folder already holds a workspace.');
  });
});

describe('checking a form with the contract’s own schema before calling', () => {
  it('given an empty create form, names every required field with the contract’s messages', () => {
    const parsed = calls['workspace.create'].request.safeParse({ path: '', name: '', memberName: '', passphrase: 'short' });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsFromIssues(parsed.error!.issues, CREATE_FIELDS);
    expect(errors.path).toBe('Choose a folder for the workspace.');
    expect(errors.memberName).toBe('Give the member a name.');
    expect(errors.passphrase).toMatch(/at least 12 characters/);
    expect(errors.name).toBeDefined();
  });

  it('keeps the first message per field and ignores fields the form does not show', () => {
    const issues = [
      { path: ['path'], message: 'first' },
      { path: ['path'], message: 'second' },
      { path: ['unknown'], message: 'x' },
      { path: [], message: 'whole request' },
    ];
    expect(fieldErrorsFromIssues(issues, CREATE_FIELDS)).toEqual({ path: 'first' });
  });
});

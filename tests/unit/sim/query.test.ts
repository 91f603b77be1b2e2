import { describe, expect, it } from 'vitest';
import { Query, limitParam, parseRfc3339, timeRange } from '../../../electron/core/sim/http/query';
import { InputError } from '../../../electron/core/sim/http/reply';

const q = (s: string): Query => new Query(new URLSearchParams(s));

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.message;
    throw e;
  }
  return '(no error)';
}

describe('parameter checks', () => {
  it('accepts RFC 3339 date-times with Z or an offset and fractional seconds', () => {
    expect(parseRfc3339('2024-03-01T00:00:00Z')).toBe(Date.UTC(2024, 2, 1));
    expect(parseRfc3339('2024-03-01T01:00:00+01:00')).toBe(Date.UTC(2024, 2, 1));
    expect(parseRfc3339('2024-03-01T00:00:00.123456Z')).toBe(Date.UTC(2024, 2, 1) + 123);
  });

  it.each(['2024-01-01', '2024-01-01T00:00:00', '2024-02-30T00:00:00Z', '2024-13-01T00:00:00Z', '2024-01-01 00:00:00Z', '1709251200', 'yesterday', '2024-01-01T24:00:00Z'])('refuses %s', (v) => {
    expect(parseRfc3339(v)).toBeNull();
  });

  it('a bad timestamp names the parameter and echoes the value, in the documented wording', () => {
    expect(message(() => timeRange(q('created_at.gte=2024-01-01'), 'created_at'))).toBe(
      'The `created_at.gte` parameter contains an invalid timestamp format. Timestamps must be provided in RFC 3339 format e.g., "2024-03-01T00:00:00Z". Got "2024-01-01".',
    );
  });

  it('limit carries the endpoint bound in its message', () => {
    expect(message(() => limitParam(q('limit=1500'), { max: 1000, def: 100 }))).toBe('The limit parameter must be between 1 and 1000, inclusive. Got 1500.');
    expect(message(() => limitParam(q('limit=0'), { max: 5000, def: 100 }))).toBe('The limit parameter must be between 1 and 5000, inclusive. Got 0.');
    expect(message(() => limitParam(q('limit=ten'), { max: 100, def: 20 }))).toContain('between 1 and 100');
    expect(limitParam(q(''), { max: 100, def: 20 })).toBe(20);
  });

  it('bracket arrays are read from name[]; OpenAI-style lists accept both forms', () => {
    expect(q('user_ids[]=a&user_ids[]=b&user_ids=c').list('user_ids')).toEqual(['a', 'b']);
    expect(q('project_ids=a&project_ids[]=b').listLoose('project_ids')).toEqual(['a', 'b']);
  });
});

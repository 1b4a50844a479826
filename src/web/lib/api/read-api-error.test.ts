import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './api-error.ts';
import { readApiError } from './read-api-error.ts';

describe('reading API errors tolerantly', () => {
  it('reads a detail string, with row errors when present', () => {
    expect(
      readApiError(400, {
        detail: 'Row 2 is missing the required column "email".',
        errors: [{ row: 1, column: 'email', message: 'Add "email".' }, { junk: true }],
      }),
    ).toEqual({
      message: 'Row 2 is missing the required column "email".',
      problems: [{ row: 1, column: 'email', message: 'Add "email".' }],
    });
  });

  it("reads FastAPI's 422 list, locating each problem", () => {
    const info = readApiError(422, {
      detail: [
        {
          loc: ['body', 'specs_override', 'extra'],
          msg: 'specs_override may not set "extra".',
          type: 'x',
        },
        { loc: ['query', 'limit'], msg: 'Input should be less than or equal to 500', type: 'y' },
      ],
    });
    expect(info.message).toBe(
      'specs_override may not set "extra". (body › specs_override › extra) and 1 more',
    );
    expect(info.problems).toEqual([
      { message: 'specs_override may not set "extra".', location: 'body › specs_override › extra' },
      { message: 'Input should be less than or equal to 500', location: 'query › limit' },
    ]);
  });

  it('reads the older {error, message} shape', () => {
    expect(readApiError(403, { error: 'Forbidden', message: 'Key revoked' }).message).toBe(
      'Forbidden: Key revoked',
    );
    expect(readApiError(500, { error: 'Internal error' }).message).toBe('Internal error');
    expect(readApiError(400, { message: 'Bad thing' }).message).toBe('Bad thing');
  });

  it('prefers detail over message', () => {
    expect(readApiError(400, { detail: 'From detail', message: 'From message' }).message).toBe(
      'From detail',
    );
  });

  it('falls back to the status and text for anything else', () => {
    expect(readApiError(502, undefined, '<html>Bad gateway</html>').message).toBe(
      'The server answered 502: <html>Bad gateway</html>.',
    );
    expect(readApiError(500, { detail: '' }).message).toBe('The server answered 500.');
    expect(readApiError(422, { detail: [42, null] }).message).toBe('The server answered 422.');
    expect(readApiError(400, ['not', 'an', 'object']).message).toBe('The server answered 400.');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-05-01T00:00:00Z');
    expect(parseRetryAfter('Fri, 01 May 2026 00:00:30 GMT', now)).toBe(30);
  });
});

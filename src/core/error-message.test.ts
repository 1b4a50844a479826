import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.ts';

describe('errorMessage', () => {
  it('says an Error by its message', () => {
    expect(errorMessage(new TypeError('bad type'))).toBe('bad type');
  });
  it('says any other thrown value as text, or the fallback when one is given', () => {
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage({ no: 'message' }, 'Invalid JSON')).toBe('Invalid JSON');
  });
  it('says an error cloned from another thread (a plain object) by its message', () => {
    expect(errorMessage({ name: 'SqliteError', message: 'database is locked' })).toBe(
      'database is locked',
    );
    expect(errorMessage({ message: 42 }, 'fallback')).toBe('fallback');
  });
});

import { describe, expect, it } from 'vitest';
import { onThisServer } from './connection.ts';

describe("the connection for Inlet's own routes", () => {
  it('goes to this server without the Sixtyfour key typed for the live target', () => {
    expect(
      onThisServer({
        target: 'sixtyfour',
        basePath: '/inlet/sixtyfour',
        apiKey: 'typed-sixtyfour-key-0123',
        ready: true,
      }),
    ).toEqual({ target: 'sixtyfour', basePath: '', apiKey: undefined, ready: true });
  });
});

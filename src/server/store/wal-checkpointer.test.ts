import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.ts';
import { startWalCheckpointer } from './wal-checkpointer.ts';

describe('the WAL checkpointer', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('moves committed pages into the database file from its own thread', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'inlet-wal-'));
    const db = openDatabase(dir);
    const errors: string[] = [];
    const checkpointer = startWalCheckpointer(db, (message) => errors.push(message));
    // Below the main connection's fallback threshold, so only the worker can move the pages.
    db.exec('CREATE TABLE filler (text TEXT)');
    const insert = db.prepare('INSERT INTO filler VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < 200; i++) insert.run('x'.repeat(8_000));
    })();
    const file = path.join(dir, 'inlet.sqlite');
    const before = statSync(file).size;
    const deadline = Date.now() + 5_000;
    while (statSync(file).size < before + 1_000_000 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(statSync(file).size).toBeGreaterThan(before + 1_000_000);
    await checkpointer.stop();
    expect(errors).toEqual([]);
    db.close();
  });
});

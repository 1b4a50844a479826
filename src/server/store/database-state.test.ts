import {
  closeSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { TEST_KEY } from '../test-support/test-app.ts';
import { checkDatabase, DataDirError, openDatabase } from './open-database.ts';

describe('the database file at start', () => {
  const dirs: string[] = [];
  const freshDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inlet-db-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a 0-byte database file instead of starting an empty sandbox over it', () => {
    const dir = freshDir();
    const file = path.join(dir, 'inlet.sqlite');
    writeFileSync(file, '');
    expect(() => openDatabase(dir)).toThrow(DataDirError);
    expect(() => openDatabase(dir)).toThrow(/empty \(0 bytes\).*Restore it from a backup/);
    expect(statSync(file).size).toBe(0);
  });

  it('reports damage found by a quick check in the start-up log', async () => {
    const dir = freshDir();
    const db = openDatabase(dir);
    db.exec('CREATE TABLE filler (n INTEGER PRIMARY KEY, text TEXT)');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    for (let i = 0; i < 2_000; i++) insert.run(`row ${i} `.repeat(20));
    db.exec('CREATE INDEX filler_text ON filler (text)');
    expect(checkDatabase(db)).toEqual([]);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    // Scribble over pages in the middle of the file, as a bad disk or a stray write would.
    const fd = openSync(path.join(dir, 'inlet.sqlite'), 'r+');
    writeSync(fd, Buffer.alloc(4096 * 8, 0xa5), 0, 4096 * 8, 4096 * 20);
    closeSync(fd);
    const lines: string[] = [];
    const config = {
      ...loadConfig({ INLET_DATA_DIR: dir, INLET_API_KEY: TEST_KEY }),
      webRoot: undefined,
    };
    const app = await createApp({ config, logStream: { write: (line) => lines.push(line) } });
    await app.close();
    expect(lines.join('')).toContain('is damaged (PRAGMA quick_check)');
  });
});

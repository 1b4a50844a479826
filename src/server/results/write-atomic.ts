import { randomBytes } from 'node:crypto';
import { closeSync, fsync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const fsyncAsync = promisify(fsync);

/**
 * Writes a file so readers see either nothing or all of it: a temp file, flushed to disk, then
 * a rename. The write and rename only touch the page cache (microseconds for a result file);
 * the flush (an fsync, milliseconds each) waits in libuv's thread pool instead of on the event
 * loop that answers requests, in one round trip, since a loop busy with requests takes its time
 * to come back for each.
 */
export async function writeFileAtomic(file: string, contents: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeFileSync(fd, contents);
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

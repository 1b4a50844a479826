/** Error codes that mean the data directory (SQLite or result files) cannot be written. */
const STORAGE_CODES =
  /^(SQLITE_(FULL|READONLY|IOERR|CANTOPEN)\w*|ENOSPC|EROFS|EDQUOT|EACCES|EPERM|ENOTDIR|EISDIR)$/;

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** Whether `error` is a failed write to the data directory (disk full, read-only, …). */
export const isStorageWriteError = (error: unknown): boolean =>
  STORAGE_CODES.test(codeOf(error) ?? '');

/** The sentence a client gets for a failed write; reads keep working meanwhile. */
export const storageWriteDetail = (dataDir: string, error: unknown): string =>
  `The sandbox cannot write to its data directory ${dataDir} (${codeOf(error) ?? 'write failed'}): the disk may be full or the directory read-only. Nothing was saved; reads still work. Free space or make INLET_DATA_DIR writable, then retry.`;

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The repository keeps its own copy of the contract (src/core/wire/contract/) so that it
 * builds and tests alone. Where the team's folder is checked out beside the repository, the
 * copies must not drift apart; a clone without it skips this check and nothing else.
 */
const repoCopy = fileURLToPath(new URL('../../core/wire/contract/', import.meta.url));
const teamCopy = path.resolve(repoCopy, '../../../../../shared/contract');
const files = ['sixtyfour-workflows.openapi.json', 'README.md'];

describe.skipIf(!existsSync(teamCopy))("the contract's copy in the repository", () => {
  it.each(files)('%s is the same as the team copy', (file) => {
    const ours = readFileSync(path.join(repoCopy, file), 'utf8');
    const theirs = readFileSync(path.join(teamCopy, file), 'utf8');
    expect(ours === theirs, `${file}: copy ${path.join(teamCopy, file)} into ${repoCopy}`).toBe(
      true,
    );
  });
});

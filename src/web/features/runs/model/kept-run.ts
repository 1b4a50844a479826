import type { RunBody } from './prepare-run.ts';

/** What this tab remembers of a run it started: the API does not return a run's payload. */
export type KeptRun = { body: RunBody; saveJson: boolean };

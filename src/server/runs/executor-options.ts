import type Database from 'better-sqlite3';
import type { FastifyBaseLogger } from 'fastify';
import type { ResultStore } from '../store/result-store.ts';
import type { RunStore } from '../store/run-store.ts';
import type { WorkflowStore } from '../store/workflow-store.ts';
import type { CachedWorkflows } from '../intake/workflow-cache.ts';
import type { OutgoingWebhookOptions } from './blocks/outgoing-webhook.ts';

/** What the run executor works with. */
export type ExecutorOptions = {
  db: Database.Database;
  runs: RunStore;
  results: ResultStore;
  workflows: WorkflowStore;
  /** The workflows with their graphs checked once per stored version, shared with the intake. */
  checkedWorkflows: CachedWorkflows;
  dataDir: string;
  rowMs: number;
  outgoing: OutgoingWebhookOptions;
  log: FastifyBaseLogger;
  /** Runs executed at once. */
  concurrency?: number;
  /**
   * True while callers are waiting on the event loop (a stream of run requests). The executor
   * then starts runs at a gentler pace, so accepting a run — what a caller waits for — is not
   * slowed by executing earlier ones; the queue drains at full speed once the stream pauses.
   */
  busy?: () => boolean;
};

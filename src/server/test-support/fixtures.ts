import { expect } from 'vitest';
import { z } from 'zod';
import { isTerminalStatus } from '@core/wire/run-status.ts';
import type { TestApp } from './test-app.ts';

/** The documented example's webhook block: companies with name, website and industry. */
export const companyWebhookBlock = (specs: Record<string, unknown> = {}) => ({
  block_id: 'webhook_1',
  sequence_number: 1,
  block_type: 'source',
  block_name: 'webhook',
  specs: {
    input_schema: {
      company_name: { type: 'string', required: true },
      website: 'string',
      industry: 'string',
    },
    dataframe_type: 'COMPANY',
    ...specs,
  },
});

export const DOCUMENTED_PAYLOAD = [
  { company_name: 'Acme', website: 'acme.com', industry: 'Software' },
  { company_name: 'Globex', website: 'globex.com', industry: 'Manufacturing' },
];

export type BlockInput = { block_id: string; block_name: string; specs?: Record<string, unknown> };

/** A linear workflow: the webhook block, then `blocks` in order. */
export function linearWorkflow(
  blocks: BlockInput[] = [],
  webhookSpecs: Record<string, unknown> = {},
) {
  const all = [
    companyWebhookBlock(webhookSpecs),
    ...blocks.map((block, index) => ({
      block_id: block.block_id,
      sequence_number: index + 2,
      block_type: 'transform',
      block_name: block.block_name,
      specs: block.specs ?? {},
    })),
  ];
  return {
    workflow_name: 'Test workflow',
    workflow_description: 'Made by a test',
    workflow_definition: {
      blocks: all,
      edges: all.slice(1).map((block, index) => ({
        from_block_id: all[index]?.block_id ?? '',
        to_block_id: block.block_id,
      })),
    },
  };
}

const idSchema = z.object({ id: z.string() });
const jobSchema = z.object({ job_id: z.string(), status: z.string() });
const liveSchema = z.object({ overall_status: z.string() });

export async function createWorkflow(
  t: TestApp,
  definition: unknown = linearWorkflow(),
): Promise<string> {
  const response = await t.call({
    method: 'POST',
    url: '/workflows/create_workflow',
    payload: JSON.stringify(definition),
    headers: { 'content-type': 'application/json' },
    contract: '/workflows/create_workflow',
  });
  expect(response.statusCode, response.body).toBe(200);
  return idSchema.parse(JSON.parse(response.body)).id;
}

export async function startRun(
  t: TestApp,
  workflowId: string,
  body: unknown = { webhook_payload: DOCUMENTED_PAYLOAD },
  query = '',
): Promise<string> {
  const response = await t.call({
    method: 'POST',
    url: `/workflows/run?workflow_id=${workflowId}${query}`,
    payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    contract: '/workflows/run',
  });
  expect(response.statusCode, response.body).toBe(200);
  return jobSchema.parse(JSON.parse(response.body)).job_id;
}

/** Polls live status until the run is finished; fails the test after `timeoutMs`. */
export async function waitForTerminal(
  t: TestApp,
  jobId: string,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.call({
      url: `/workflows/runs/${jobId}/live_status`,
      contract: '/workflows/runs/{run_id}/live_status',
    });
    const status = liveSchema.parse(JSON.parse(response.body)).overall_status;
    if (isTerminalStatus(status)) return status;
    if (Date.now() > deadline)
      throw new Error(`Run ${jobId} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Polls until `check` holds. */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

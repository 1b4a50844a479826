import { expect, type APIRequestContext } from '@playwright/test';
import { SANDBOX_API_KEY } from '../pages/run-servers.ts';

/** The sandbox key, as a script or CRM calling the API sends it. */
export const SANDBOX_HEADERS = { 'x-api-key': SANDBOX_API_KEY };

/** A workflow of one webhook block with these specs, as the API takes it. */
export const webhookWorkflow = (
  name: string,
  specs: Record<string, unknown>,
  description = 'Made by a browser test',
) => ({
  workflow_name: name,
  workflow_description: description,
  workflow_definition: {
    blocks: [
      {
        block_id: 'source',
        sequence_number: 1,
        block_type: 'source',
        block_name: 'webhook',
        specs,
      },
    ],
    edges: [],
  },
});

/** Stores a webhook-only workflow through the sandbox API; resolves to its id. */
export async function createWebhookWorkflow(
  request: APIRequestContext,
  name: string,
  specs: Record<string, unknown>,
): Promise<string> {
  const created = await request.post('/workflows/create_workflow', {
    headers: SANDBOX_HEADERS,
    data: webhookWorkflow(name, specs),
  });
  expect(created.ok(), await created.text()).toBe(true);
  return ((await created.json()) as { id: string }).id;
}

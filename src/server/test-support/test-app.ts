import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { expectContract } from './openapi-contract.ts';

export const TEST_KEY = 'sk_test_0123456789abcdef';

export type TestApp = {
  app: FastifyInstance;
  dataDir: string;
  config: Config;
  /** inject with the sandbox key, checked against the contract when `contract` names the path template. */
  call: (options: InjectOptions & { contract?: string }) => Promise<LightMyRequestResponse>;
  close: () => Promise<void>;
};

/** A sandbox app on a fresh data directory, API only, rows unpaced unless told. */
export async function startTestApp(
  env: Record<string, string> = {},
  dataDir?: string,
): Promise<TestApp> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'inlet-test-'));
  const config: Config = {
    ...loadConfig({
      INLET_DATA_DIR: dir,
      INLET_API_KEY: TEST_KEY,
      INLET_SANDBOX_ROW_MS: '0',
      INLET_RATE_LIMIT_PER_MIN: '0',
      // Inline: the same preparation without a thread's start-up per test app (intake tests
      // turn the thread on).
      INLET_RUN_INTAKE_THREAD: '0',
      ...env,
    }),
    webRoot: undefined,
  };
  const app = await createApp({ config, proxyTimeoutMs: 1_000 });
  await app.ready();
  return {
    app,
    dataDir: dir,
    config,
    async call({ contract, headers, ...options }) {
      const response = await app.inject({
        ...options,
        headers: { 'x-api-key': TEST_KEY, ...headers },
      });
      if (contract !== undefined) expectContract(response, options.method ?? 'GET', contract);
      return response;
    },
    async close() {
      await app.close();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const json = (response: LightMyRequestResponse): unknown => JSON.parse(response.body);

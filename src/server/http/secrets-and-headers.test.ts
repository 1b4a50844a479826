import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import {
  createWorkflow,
  DOCUMENTED_PAYLOAD,
  startRun,
  waitForTerminal,
} from '../test-support/fixtures.ts';
import { containing } from '../test-support/matchers.ts';
import { json, startTestApp, TEST_KEY } from '../test-support/test-app.ts';
import { startUiApp } from '../test-support/ui-app.ts';
import { CONTENT_SECURITY_POLICY } from './serve-web.ts';

/** Every file under `dir`, as text (SQLite's pages included). */
function allFileText(dir: string): string {
  let text = '';
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    text += statSync(file).isDirectory() ? allFileText(file) : readFileSync(file, 'latin1');
  }
  return text;
}

describe('secrets', () => {
  it('never writes the API key to the log, a stored run, results or an answer', async () => {
    const lines: string[] = [];
    const t = await startTestApp();
    // A second app on the same data directory, logging into `lines`.
    await t.app.close();
    const app = await createApp({
      config: t.config,
      logStream: { write: (line) => lines.push(line) },
    });
    await app.ready();
    const call = (url: string, options: { method?: 'GET' | 'POST'; payload?: unknown } = {}) =>
      app.inject({
        url,
        method: options.method ?? 'GET',
        headers: {
          'x-api-key': TEST_KEY,
          'content-type': 'application/json',
          authorization: `Bearer ${TEST_KEY}`,
        },
        ...(options.payload === undefined ? {} : { payload: JSON.stringify(options.payload) }),
      });
    const answers: string[] = [];
    const testApp = {
      ...t,
      app,
      call: (o: Parameters<typeof t.call>[0]) =>
        app.inject({ ...o, headers: { 'x-api-key': TEST_KEY, ...o.headers } }),
    };
    const workflowId = await createWorkflow(testApp);
    const jobId = await startRun(
      testApp,
      workflowId,
      { webhook_payload: DOCUMENTED_PAYLOAD },
      '&save_json=true',
    );
    expect(await waitForTerminal(testApp, jobId)).toBe('completed');
    for (const url of [
      `/workflows/runs/${jobId}/live_status`,
      `/workflows/runs/${jobId}/results/download-links?format=csv`,
      `/workflows/runs?api_key=${TEST_KEY}&x-api-key=${TEST_KEY}`,
      `/workflows/run?key=${TEST_KEY}`,
      '/workflows/nonexistent',
    ]) {
      const response = await call(url);
      answers.push(JSON.stringify(response.headers) + response.body);
    }
    const failing = await call(`/workflows/run?workflow_id=${workflowId}`, {
      method: 'POST',
      payload: { webhook_payload: 5 },
    });
    answers.push(failing.body);
    await app.close();
    const log = lines.join('');
    expect(log).toContain(`api_key=…`);
    expect(log).toContain('/workflows/runs');
    expect(log).not.toContain(TEST_KEY);
    expect(answers.join('\n')).not.toContain(TEST_KEY);
    expect(allFileText(t.dataDir)).not.toContain(TEST_KEY);
    rmSync(t.dataDir, { recursive: true, force: true });
  });
});

describe('headers of the UI and the API', () => {
  const webRoot = mkdtempSync(path.join(tmpdir(), 'inlet-web-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'inlet-data-'));
  afterAll(() => {
    rmSync(webRoot, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves HTML with the CSP for Monaco, and every answer with nosniff, no-referrer, DENY', async () => {
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Inlet</title>');
    writeFileSync(path.join(webRoot, 'app.js'), 'export {};');
    const config = { ...loadConfig({ INLET_DATA_DIR: dataDir, INLET_API_KEY: TEST_KEY }), webRoot };
    const app = await createApp({ config });
    try {
      for (const url of ['/', '/runs/some-client-route']) {
        const page = await app.inject({ url });
        expect(page.statusCode).toBe(200);
        expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
        expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
        expect(CONTENT_SECURITY_POLICY).toContain("worker-src 'self' blob:");
      }
      const script = await app.inject({ url: '/app.js' });
      expect(script.statusCode).toBe(200);
      expect(script.headers['content-security-policy']).toBeUndefined();
      const api = await app.inject({ url: '/workflows', headers: { 'x-api-key': TEST_KEY } });
      expect(api.headers['cache-control']).toBe('no-store');
      for (const response of [await app.inject({ url: '/' }), script, api]) {
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
        expect(response.headers['x-frame-options']).toBe('DENY');
      }
    } finally {
      await app.close();
    }
  });
});

describe('odd paths', () => {
  it('answers malformed percent-encoding in the contract shape with every header; /assets/ 404', async () => {
    const ui = await startUiApp();
    try {
      for (const url of ['/workflows/runs/%/live_status', '/%', '/assets/%zz.js']) {
        const response = await ui.app.inject({ url, headers: { 'x-api-key': TEST_KEY } });
        expect(response.statusCode, url).toBe(400);
        expect(json(response)).toEqual({ detail: containing('percent-encoding') });
        expect(response.headers['x-content-type-options']).toBe('nosniff');
        expect(response.headers['referrer-policy']).toBe('no-referrer');
        expect(response.headers['x-frame-options']).toBe('DENY');
        expect(response.headers['cache-control']).toBe('no-store');
      }
      for (const url of ['/assets/', '/assets', '/assets/missing-1.js']) {
        const missing = await ui.app.inject({ url });
        expect(missing.statusCode, url).toBe(404);
        expect(json(missing)).toEqual({ detail: containing('Not found') });
      }
    } finally {
      await ui.close();
    }
  });
});

import type { FastifyInstance } from 'fastify';
import { runIdParamsSchema } from '@core/wire/live-status.ts';
import {
  sandboxRunRequestResponseSchema,
  type SandboxRunRequestResponse,
} from '@core/wire/sandbox-run-request.ts';
import { clip, detailError, parseOr422 } from '../http/http-error.ts';
import type { RunStore } from '../store/run-store.ts';

/** Path prefix of Inlet's own sandbox endpoints, authenticated like `/workflows`. */
export const SANDBOX_EXTRA_PREFIX = '/inlet/sandbox/';

/**
 * `GET /inlet/sandbox/runs/{run_id}/request` (Inlet only, see `sandboxRunRequestResponseSchema`):
 * the payload, specs_override and save_json a run was started with, for "Re-run".
 */
export function registerRunRequestRoute(app: FastifyInstance, runs: RunStore): void {
  app.get(`${SANDBOX_EXTRA_PREFIX}runs/:run_id/request`, (request, reply) => {
    const { run_id } = parseOr422(runIdParamsSchema, request.params, ['path']);
    const run = runs.get(run_id.toLowerCase());
    if (!run) throw detailError(404, `Run ${clip(run_id)} not found`);
    // Parsed with the wire schema rather than cast: the stored text comes from JSON.parse'd
    // bodies, and JSON.parse keeps `__proto__` and `constructor` as own data keys, which
    // jsonObjectSchema passes through as the same objects and JSON.stringify writes back.
    const body: SandboxRunRequestResponse = sandboxRunRequestResponseSchema.parse({
      webhook_payload: JSON.parse(runs.payload(run.job_id) ?? 'null') as unknown,
      specs_override:
        run.specsOverrideJson === null ? null : (JSON.parse(run.specsOverrideJson) as unknown),
      save_json: run.save_json,
    });
    // A payload may hold personal data: never kept by a cache (also set for every API path).
    return reply.header('Cache-Control', 'no-store').send(body);
  });
}

import type { FastifyInstance } from 'fastify';
import { judgeChange } from '@core/judge/judge-change.ts';
import { validateWebhookSpec } from '@core/spec/spec-issues.ts';
import {
  CHANGE_IMPACT_MAX_BYTES,
  CHANGE_IMPACT_PATH,
  changeImpactRequestSchema,
  type ChangeImpactResponse,
  type ImpactItem,
} from '@core/wire/change-impact.ts';
import { parseOr422, validationError } from '../http/http-error.ts';
import type { InboxStore } from '../store/inbox-store.ts';
import type { InboxRecorder } from './record-inbox.ts';

/** The webhook spec as the sandbox reads it, or a 422 naming the side and the problem. */
function readSpec(side: 'before' | 'after', spec: Record<string, unknown>) {
  const read = validateWebhookSpec(spec);
  if (read.success) return read.data;
  throw validationError(
    read.issues.map((issue) => ({
      loc: ['body', side, ...issue.path],
      msg: issue.message,
      type: 'value_error',
    })),
  );
}

/** The run request's `webhook_payload`, when the kept body is JSON that has one. */
function payloadOf(body: Buffer): { value: unknown } | undefined {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'webhook_payload' in parsed) {
      return { value: parsed.webhook_payload };
    }
  } catch {
    // Malformed JSON: it was refused before any spec was read, and would be after.
  }
  return undefined;
}

/**
 * `POST /inlet/inbox/impact`: the workflow's newest recorded run requests to the target asked
 * for (the sandbox, or Sixtyfour through the proxy), and the samples sent, each judged against
 * the spec before and after a change with the sandbox's judge. Listed: every item whose
 * judgement moves; counted: all of them.
 */
export function registerImpactRoute(
  app: FastifyInstance,
  { store, recorder }: { store: InboxStore; recorder: InboxRecorder },
): void {
  app.post(CHANGE_IMPACT_PATH, (request) => {
    const body = parseOr422(changeImpactRequestSchema, request.body, ['body']);
    const before = readSpec('before', body.before);
    const after = readSpec('after', body.after);
    recorder.flush();
    const items: ImpactItem[] = [];
    const counts: ChangeImpactResponse['counts'] = {
      newly_refused: 0,
      newly_accepted: 0,
      new_warnings: 0,
      fewer_warnings: 0,
      unchanged: 0,
    };
    let skipped = 0;
    const add = (
      item: Omit<ImpactItem, 'before' | 'after' | 'change' | 'message'>,
      value: unknown,
    ) => {
      const judged = judgeChange(value, before, after);
      counts[judged.change] += 1;
      if (judged.change !== 'unchanged') items.push({ ...item, ...judged });
    };
    for (const sample of body.samples) {
      let value: unknown;
      try {
        value = JSON.parse(sample.text);
      } catch {
        skipped += 1;
        continue;
      }
      add({ id: null, label: sample.label, received_at: null }, value);
    }
    const { entries } = store.list({
      target: body.target,
      workflow_id: body.workflow_id,
      limit: body.limit,
    });
    let budget = CHANGE_IMPACT_MAX_BYTES;
    for (const summary of entries) {
      const size = summary.body_size ?? 0;
      if (size > budget) {
        skipped += 1;
        continue;
      }
      budget -= size;
      const entry = store.get(summary.id);
      const payload =
        entry && entry.body !== null && !entry.body_truncated ? payloadOf(entry.body) : undefined;
      if (payload === undefined) {
        skipped += 1;
        continue;
      }
      add(
        {
          id: summary.id,
          label: `Request ${summary.id} (answered ${summary.status_code})`,
          received_at: summary.received_at,
        },
        payload.value,
      );
    }
    const answer: ChangeImpactResponse = { items, counts, skipped };
    return answer;
  });
}

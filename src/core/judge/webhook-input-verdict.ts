import type { Judgement } from './judgement.ts';
import { rejectingKind } from './verdict-rules.ts';

/**
 * The judge's verdict on a webhook block's `webhook_input` (the default payload of a run sent
 * without one). The judge answers a row that is not an object with the 422 FastAPI gives a
 * webhook_payload of that shape; webhook_input is a string inside the spec, which FastAPI does
 * not validate, so there a rejection for `not_rows` is the sandbox's own 400, like the other
 * judging rules. Text that is not JSON, or nested too deep, keeps its 422. Browser and sandbox
 * both read it so.
 */
export function asWebhookInputJudgement(judgement: Judgement): Judgement {
  const { rejection, totals } = judgement;
  if (rejection === undefined || rejectingKind(totals.byKind) !== 'not_rows') return judgement;
  return { ...judgement, rejection: { ...rejection, status: 400 } };
}

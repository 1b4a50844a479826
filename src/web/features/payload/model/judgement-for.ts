import type { Judgement } from '@core/judge/judgement.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';

/** The worker's newest judgement of the editor's text, with what it judged. */
export type LatestJudgement = { text: string; specKey: string; judgement: Judgement };

/** How a spec is compared with the one a judgement was made against. */
export const specKeyOf = (spec: SpecModel): string => JSON.stringify(spec);

/**
 * The judgement of `text` against `spec`: the worker's newest one when it judged exactly this
 * text against this spec (the run's preflight then costs nothing), else a one-off judgement
 * from `judgeOnce` (the worker's, so the main thread never judges a large payload).
 */
export function judgementFor(
  latest: LatestJudgement | undefined,
  text: string,
  spec: SpecModel,
  judgeOnce: (text: string, spec: SpecModel) => Promise<Judgement>,
): Promise<Judgement> {
  if (latest?.text === text && latest.specKey === specKeyOf(spec)) {
    return Promise.resolve(latest.judgement);
  }
  return judgeOnce(text, spec);
}

import { memo } from 'react';
import type { PayloadJudgeState } from '../hooks/use-payload-judge.ts';
import { countsLine, verdictLine } from '../model/summary-text.ts';

/**
 * The status line: counts of errors, warnings and advisory columns, then the verdict in
 * words. A polite live region, so a screen reader hears the outcome once typing pauses.
 */
export const ValidationSummary = memo(function ValidationSummary({
  state,
  failure,
}: {
  state: PayloadJudgeState;
  failure?: string | undefined;
}) {
  let tone = 'pending';
  let counts = 'Judging…';
  let verdict = '';
  if (failure) {
    tone = 'error';
    counts = 'The payload could not be judged';
    verdict = failure;
  } else if (state.status === 'empty') {
    tone = 'pending';
    counts = 'No payload yet';
    verdict = 'Paste, type or import a sample payload: a JSON array of rows, or one object.';
  } else if (state.status === 'judged') {
    const { judgement } = state.judged;
    tone =
      judgement.verdict === 'rejected' ? 'error' : judgement.totals.warnings > 0 ? 'warning' : 'ok';
    counts = countsLine(judgement);
    verdict = verdictLine(judgement);
  }
  return (
    <div
      className={`validation-summary validation-summary--${tone}`}
      role="status"
      aria-label="Validation summary"
    >
      <p className="validation-summary__counts">{counts}</p>
      {verdict && <p className="validation-summary__verdict">{verdict}</p>}
    </div>
  );
});

import { memo } from 'react';
import type { Finding, Judgement } from '../../../../core/judge/judgement.ts';
import { findingPlace, messageWithoutPlace } from '../model/summary-text.ts';

/** Problems rendered at once; the rest are counted (the judge itself keeps 1,000 a kind). */
export const MAX_PROBLEMS_SHOWN = 300;

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export type ProblemsListProps = {
  judgement: Judgement;
  selected: Finding | undefined;
  onSelect: (finding: Finding) => void;
};

/** Every finding with its row, column and what to change; a click or Enter goes there. */
export const ProblemsList = memo(function ProblemsList({
  judgement,
  selected,
  onSelect,
}: ProblemsListProps) {
  const { findings, totals, truncated } = judgement;
  const shown = findings.slice(0, MAX_PROBLEMS_SHOWN);
  const total = totals.errors + totals.warnings + totals.infos;
  if (total === 0) {
    return <p className="problems__empty">No problems: every row matches the spec.</p>;
  }
  return (
    <>
      <ul className="problems" aria-label="Problems">
        {shown.map((finding, index) => (
          <li key={`${String(index)}:${finding.pointer}:${finding.kind}`}>
            <button
              type="button"
              className={`problem problem--${finding.severity}`}
              aria-current={finding === selected ? 'true' : undefined}
              disabled={finding.offset === undefined}
              onClick={() => {
                onSelect(finding);
              }}
            >
              <span className="problem__severity">{SEVERITY_LABEL[finding.severity]}</span>
              <span className="problem__place">{findingPlace(finding)}</span>
              <span className="problem__message">{messageWithoutPlace(finding)}</span>
            </button>
          </li>
        ))}
      </ul>
      {(truncated || findings.length > shown.length) && (
        <p className="problems__more">
          Showing {shown.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')}{' '}
          problems. Fix these first; the rest appear as they go.
        </p>
      )}
    </>
  );
});

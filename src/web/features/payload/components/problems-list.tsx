import { memo, useId, useMemo, useState } from 'react';
import type { Finding, Judgement } from '@core/judge/judgement.ts';
import { groupProblems, type ProblemGroup, type SeverityFilter } from '../model/problem-groups.ts';
import { findingPlace, messageWithoutPlace } from '../model/summary-text.ts';

/** Problems rendered at once; the rest are counted (the judge itself keeps 1,000 a kind). */
export const MAX_PROBLEMS_SHOWN = 300;

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export type ProblemsListProps = {
  judgement: Judgement;
  selected: Finding | undefined;
  onSelect: (finding: Finding) => void;
  /** The words of a group's "all rows" fix, or undefined when it has none. */
  groupFix?: (group: ProblemGroup) => string | undefined;
  onFixGroup?: (group: ProblemGroup) => void;
};

/**
 * The judge's findings grouped by kind and column ("website missing in 500 rows"), with a
 * filter by severity; each finding names its row and column, and a click or Enter puts the
 * cursor there. A group with a fix offers it for all its rows.
 */
export const ProblemsList = memo(function ProblemsList({
  judgement,
  selected,
  onSelect,
  groupFix,
  onFixGroup,
}: ProblemsListProps) {
  const filterId = useId();
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const groups = useMemo(() => groupProblems(judgement, filter), [judgement, filter]);
  const { totals, truncated } = judgement;
  const total = totals.errors + totals.warnings + totals.infos;
  let budget = MAX_PROBLEMS_SHOWN;
  let shownCount = 0;
  return (
    <section className="problems-panel" aria-label="Problems">
      {total === 0 ? (
        <p className="problems__empty">No problems: every row matches the spec.</p>
      ) : (
        <>
          <div className="problems__filter">
            <label htmlFor={filterId}>Severity</label>
            <select
              id={filterId}
              className="input select problems__select"
              value={filter}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (value === 'all' || value === 'error' || value === 'warning' || value === 'info')
                  setFilter(value);
              }}
            >
              <option value="all">All ({total.toLocaleString('en-US')})</option>
              <option value="error">Errors ({totals.errors.toLocaleString('en-US')})</option>
              <option value="warning">Warnings ({totals.warnings.toLocaleString('en-US')})</option>
              <option value="info">Notes ({totals.infos.toLocaleString('en-US')})</option>
            </select>
          </div>
          {groups.length === 0 && <p className="problems__empty">None of this severity.</p>}
          <ul className="problems" aria-label="Problems">
            {groups.map((group) => {
              const shown = group.findings.slice(0, Math.max(0, budget));
              budget -= shown.length;
              shownCount += shown.length;
              const fix = groupFix?.(group);
              return (
                <li
                  key={group.key}
                  className={`problems__group problems__group--${group.severity}`}
                >
                  <div className="problems__group-head">
                    <span className="problems__group-label">{group.label}</span>
                    {fix !== undefined && onFixGroup && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        title={fix}
                        onClick={() => {
                          onFixGroup(group);
                        }}
                      >
                        {group.kind === 'advisory_column' ? 'Add to spec' : 'Apply to all rows'}
                      </button>
                    )}
                  </div>
                  {shown.length > 0 && (
                    <ul className="problems__items">
                      {shown.map((finding, index) => (
                        <li key={`${String(index)}:${finding.pointer}`}>
                          <button
                            type="button"
                            className={`problem problem--${finding.severity}`}
                            aria-current={finding === selected ? 'true' : undefined}
                            disabled={finding.offset === undefined}
                            onClick={() => {
                              onSelect(finding);
                            }}
                          >
                            <span className="problem__severity">
                              {SEVERITY_LABEL[finding.severity]}
                            </span>
                            <span className="problem__place">{findingPlace(finding)}</span>
                            <span className="problem__message">{messageWithoutPlace(finding)}</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              );
            })}
          </ul>
          {(truncated || judgement.findings.length > shownCount) && filter === 'all' && (
            <p className="problems__more">
              Showing {shownCount.toLocaleString('en-US')} of {total.toLocaleString('en-US')}{' '}
              problems. Fix these first; the rest appear as they go.
            </p>
          )}
        </>
      )}
    </section>
  );
});

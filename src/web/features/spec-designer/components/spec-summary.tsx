import type { FieldPath } from 'react-hook-form';
import type { SpecModelIssue } from '@core/spec/spec-issues.ts';
import { Icon } from '@web/components/ui/icon.tsx';
import type { SpecFormValues } from '../model/spec-form-schema.ts';

const fieldPath = (path: readonly (string | number)[]): FieldPath<SpecFormValues> | undefined => {
  const [head, index, leaf] = path;
  if (head === 'columns' && typeof index === 'number' && leaf === 'name') {
    return `columns.${index}.name`;
  }
  return undefined;
};

/** The spec's state at a glance; each problem jumps to its field. */
export function SpecSummary({
  errors,
  columnCount,
  onFocusIssue,
}: {
  errors: readonly SpecModelIssue[];
  columnCount: number;
  onFocusIssue: (path: FieldPath<SpecFormValues>) => void;
}) {
  const columns = `${columnCount} ${columnCount === 1 ? 'column' : 'columns'}`;
  // An empty spec is not "valid" in any useful sense yet: say what is missing.
  if (errors.length === 0 && columnCount === 0) {
    return <p className="summary summary--empty">No columns yet</p>;
  }
  if (errors.length === 0) {
    return (
      <p className="summary summary--ok">
        <Icon name="check" />
        Valid spec · {columns}
      </p>
    );
  }
  return (
    <details className="summary summary--error">
      <summary>
        <Icon name="alert" />
        {errors.length} {errors.length === 1 ? 'problem' : 'problems'} · {columns}
      </summary>
      <ul className="summary__list">
        {errors.map((issue, index) => {
          const path = fieldPath(issue.path);
          return (
            <li key={`${issue.path.join('.')}-${index}`}>
              {path ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    onFocusIssue(path);
                  }}
                >
                  {issue.message}
                </button>
              ) : (
                issue.message
              )}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

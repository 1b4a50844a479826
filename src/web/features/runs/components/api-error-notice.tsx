import { ApiError, errorMessage } from '@web/lib/api/api-error.ts';

const MAX_PROBLEMS = 8;

/** An API error (or a local message) with what the server pointed at, row and column. */
export function ApiErrorNotice({
  error,
  message,
  title,
}: {
  error?: unknown;
  message?: string | undefined;
  title?: string;
}) {
  const text = message ?? (error === undefined || error === null ? '' : errorMessage(error));
  const problems = error instanceof ApiError ? error.problems : [];
  const status = error instanceof ApiError && error.status > 0 ? ` (${error.status})` : '';
  return (
    <div className="notice notice--error runs-error" role="alert">
      <p>
        {title === undefined ? null : (
          <strong>
            {title}
            {status}:{' '}
          </strong>
        )}
        {text}
      </p>
      {problems.length > 1 || problems.some((p) => p.row !== undefined) ? (
        <ul>
          {problems.slice(0, MAX_PROBLEMS).map((problem, index) => (
            // The list is rebuilt whole with each error; position is its identity.
            <li key={index}>
              {problem.row !== undefined && problem.row !== null ? `Row ${problem.row + 1}` : ''}
              {problem.column ? `, column "${problem.column}"` : ''}
              {problem.location ?? ''}
              {problem.row !== undefined || problem.location ? ': ' : ''}
              {problem.message}
            </li>
          ))}
          {problems.length > MAX_PROBLEMS && <li>…and {problems.length - MAX_PROBLEMS} more.</li>}
        </ul>
      ) : null}
    </div>
  );
}

/** One problem an API answer names, located when the server says where. */
export type ApiProblem = {
  message: string;
  /** FastAPI `loc`, joined for people: `body › webhook_payload › 2`. */
  location?: string;
  row?: number | null;
  column?: string | null;
};

export type ApiErrorInfo = {
  /** One sentence for people. */
  message: string;
  problems: ApiProblem[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const nonEmptyString = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

function readValidationItem(item: unknown): ApiProblem | undefined {
  if (nonEmptyString(item)) return { message: item };
  if (!isRecord(item)) return undefined;
  const message = nonEmptyString(item.msg)
    ? item.msg
    : nonEmptyString(item.message)
      ? item.message
      : undefined;
  if (message === undefined) return undefined;
  const loc = Array.isArray(item.loc)
    ? item.loc.filter((part) => typeof part === 'string' || typeof part === 'number')
    : [];
  return loc.length > 0 ? { message, location: loc.join(' › ') } : { message };
}

function readRowProblems(errors: unknown): ApiProblem[] {
  if (!Array.isArray(errors)) return [];
  return errors.flatMap((item): ApiProblem[] => {
    if (!isRecord(item) || !nonEmptyString(item.message)) return [];
    return [
      {
        message: item.message,
        row: typeof item.row === 'number' ? item.row : null,
        column: typeof item.column === 'string' ? item.column : null,
      },
    ];
  });
}

/**
 * Reads an error answer tolerantly (contract, "Errors"): `detail` as a string or as
 * FastAPI's list first, then the older `{error, message}` shape, then the raw text.
 */
export function readApiError(status: number, body: unknown, rawText = ''): ApiErrorInfo {
  const fallback = `The server answered ${status}${rawText.trim() === '' ? '' : `: ${rawText.trim().slice(0, 200)}`}.`;
  if (!isRecord(body)) return { message: fallback, problems: [] };
  const { detail } = body;
  if (nonEmptyString(detail)) {
    return { message: detail, problems: readRowProblems(body.errors) };
  }
  if (Array.isArray(detail)) {
    const problems = detail
      .map(readValidationItem)
      .filter((problem): problem is ApiProblem => problem !== undefined);
    const [first] = problems;
    if (first) {
      const where = first.location === undefined ? '' : ` (${first.location})`;
      const more = problems.length > 1 ? ` and ${problems.length - 1} more` : '';
      return { message: `${first.message}${where}${more}`, problems };
    }
  }
  if (isRecord(detail) && nonEmptyString(detail.message)) {
    return { message: detail.message, problems: [] };
  }
  const { error, message } = body;
  if (nonEmptyString(message)) {
    return {
      message: nonEmptyString(error) && error !== message ? `${error}: ${message}` : message,
      problems: [],
    };
  }
  if (nonEmptyString(error)) return { message: error, problems: [] };
  return { message: fallback, problems: [] };
}

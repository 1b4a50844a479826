import type { z } from 'zod';
import type { ValidationError } from '@core/wire/errors.ts';

/** A planned error answer: `{"detail": "…"}` or, for 422, FastAPI's list of errors. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly statusCode: number,
    readonly body: { detail: string | ValidationError[]; errors?: unknown[] },
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : 'Validation error');
  }
}

/** `{"detail": message}` with a status other than 422. */
export const detailError = (statusCode: number, detail: string, headers?: Record<string, string>) =>
  new HttpError(statusCode, { detail }, headers);

/** A FastAPI-shaped 422. */
export const validationError = (errors: ValidationError[]) =>
  new HttpError(422, { detail: errors });

const pathPart = (part: PropertyKey): string | number =>
  typeof part === 'symbol' ? String(part) : part;

/**
 * Zod issues as FastAPI `ValidationError`s under `loc` (`['body']`, `['query']`, …). Only an
 * absent field is `missing`; that needs issues parsed with `reportInput` (zod leaves `input`
 * out otherwise, and every wrong type would read as absent).
 */
export function zodToValidationErrors(
  error: z.ZodError,
  loc: (string | number)[],
): ValidationError[] {
  return error.issues.map((issue) => {
    const missing =
      (issue.code === 'invalid_type' || issue.code === 'custom') &&
      'input' in issue &&
      issue.input === undefined;
    return {
      loc: [...loc, ...issue.path.map(pathPart)],
      msg: missing ? 'Field required' : issue.message,
      type: missing ? 'missing' : issue.code,
    };
  });
}

/** Parses `value` or throws the FastAPI 422 naming where it failed. */
export function parseOr422<T extends z.ZodType>(
  schema: T,
  value: unknown,
  loc: (string | number)[],
): z.infer<T> {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (!parsed.success) throw validationError(zodToValidationErrors(parsed.error, loc));
  return parsed.data;
}

/** A client-sent value quoted in a message, cut short so a 10 KB id does not echo back whole. */
export const clip = (value: string, max = 80): string =>
  value.length > max ? `${value.slice(0, max)}… (${value.length} characters)` : value;

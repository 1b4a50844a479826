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
 * Pydantic's error type for a zod issue, so a 422's `type` reads as FastAPI's does (`missing`
 * is decided by the caller). Numbers in Inlet's wire schemas are integers, so a number that
 * does not parse is `int_parsing` (a string sent) or `int_type` (any other value).
 */
function pydanticType(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      // A query value that z.coerce turned into NaN was text that does not parse.
      const sentText = typeof issue.input === 'string' || Number.isNaN(issue.input);
      switch (issue.expected) {
        case 'int':
          // zod says int only of a number with a fractional part.
          return 'int_from_float';
        case 'number':
          return sentText ? 'int_parsing' : 'int_type';
        case 'boolean':
          return sentText ? 'bool_parsing' : 'bool_type';
        case 'string':
          return 'string_type';
        case 'object':
        case 'record':
          return 'dict_type';
        case 'array':
          return 'list_type';
        default:
          return issue.code;
      }
    }
    case 'too_small':
      if (issue.origin === 'string') return 'string_too_short';
      if (issue.origin === 'array') return 'too_short';
      return issue.inclusive === false ? 'greater_than' : 'greater_than_equal';
    case 'too_big':
      if (issue.origin === 'string') return 'string_too_long';
      if (issue.origin === 'array') return 'too_long';
      return issue.inclusive === false ? 'less_than' : 'less_than_equal';
    case 'invalid_format':
      if (issue.format === 'uuid') return 'uuid_parsing';
      if (issue.format === 'url') return 'url_parsing';
      return 'string_pattern_mismatch';
    case 'invalid_value':
      return 'literal_error';
    case 'unrecognized_keys':
      return 'extra_forbidden';
    case 'custom':
      return 'value_error';
    default:
      return issue.code;
  }
}

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
      type: missing ? 'missing' : pydanticType(issue),
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

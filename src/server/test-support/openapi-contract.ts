import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { errorDetailSchema } from '@core/wire/errors.ts';

/**
 * Sixtyfour's OpenAPI document for the `/workflows*` endpoints, kept in the repository beside
 * the wire schemas (src/core/wire/contract/, with the contract it belongs to), so a fresh clone
 * tests itself. `contract-copy.test.ts` checks it still matches the team's copy when that is
 * checked out beside the repo.
 */
export const OPENAPI_PATH = fileURLToPath(
  new URL('../../core/wire/contract/sixtyfour-workflows.openapi.json', import.meta.url),
);
const document: unknown = JSON.parse(readFileSync(OPENAPI_PATH, 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(document as object, 'openapi'); // The document is JSON of known shape; ajv only reads it.

const pointerToken = (token: string) => token.replaceAll('~', '~0').replaceAll('/', '~1');

type Answer = { statusCode: number; body: string; headers: Record<string, unknown> };

/**
 * Checks one answer against the contract: a 200 against the OpenAPI response schema of
 * `method pathTemplate`, a 422 against `HTTPValidationError`, any other error as `{"detail": "…"}`.
 */
export function expectContract(answer: Answer, method: string, pathTemplate: string): void {
  const body: unknown = JSON.parse(answer.body);
  if (answer.statusCode === 200) {
    const ref = `openapi#/paths/${pointerToken(pathTemplate)}/${method.toLowerCase()}/responses/200/content/application~1json/schema`;
    const validate = ajv.getSchema(ref);
    if (!validate) throw new Error(`No OpenAPI response schema for ${method} ${pathTemplate}`);
    const valid = validate(body);
    expect(
      valid ? null : validate.errors,
      `${method} ${pathTemplate} answer matches the OpenAPI`,
    ).toBeNull();
    return;
  }
  if (answer.statusCode === 422) {
    const validate = ajv.getSchema('openapi#/components/schemas/HTTPValidationError');
    if (!validate) throw new Error('No HTTPValidationError schema');
    expect(validate(body) ? null : validate.errors).toBeNull();
    expect(Array.isArray((body as { detail?: unknown }).detail)).toBe(true); // Narrowed by the schema just checked.
    return;
  }
  expect(errorDetailSchema.safeParse(body).success, `error body ${answer.body}`).toBe(true);
}

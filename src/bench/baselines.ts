import { Ajv, type ErrorObject } from 'ajv';
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser';
import { z } from 'zod';
import type { FieldType } from '../core/spec/field-type.ts';
import type { SpecModel } from '../core/spec/webhook-spec.ts';

/*
 * The two ways the judge could have been built, for comparison only. They run in Node
 * here; neither could run in the browser under the app's CSP (both compile with
 * `new Function`), which is one reason the judge is a hand-written loop.
 */

const JSON_SCHEMA_TYPES: Readonly<Record<FieldType, Record<string, unknown>>> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  boolean: { type: 'boolean' },
  'list[string]': { type: 'array', items: { type: 'string' } },
  'list[integer]': { type: 'array', items: { type: 'integer' } },
  'list[number]': { type: 'array', items: { type: 'number' } },
  list: { type: 'array' },
  dict: { type: 'object' },
};

/** ajv compiled with allErrors, then jsonc-parser's full tree to place every error. */
export function createAjvBaseline(spec: SpecModel): (text: string) => number {
  const properties: Record<string, unknown> = {};
  for (const column of spec.columns) properties[column.name] = JSON_SCHEMA_TYPES[column.type];
  const schema = {
    type: 'array',
    minItems: 1,
    items: {
      type: 'object',
      properties,
      required: spec.columns.filter((column) => column.required).map((column) => column.name),
    },
  };
  const validate = new Ajv({ allErrors: true }).compile(schema);
  return (text) => {
    const value: unknown = JSON.parse(text);
    if (validate(value)) return 0;
    const errors: ErrorObject[] = validate.errors ?? [];
    const tree: Node | undefined = parseTree(text);
    let placed = 0;
    for (const error of errors) {
      const path = error.instancePath
        .split('/')
        .slice(1)
        .map((token) => (/^\d+$/.test(token) ? Number(token) : token));
      if (tree && findNodeAtLocation(tree, path)) placed += 1;
    }
    return placed;
  };
}

const ZOD_TYPES: Readonly<Record<FieldType, z.ZodType>> = {
  string: z.string(),
  integer: z.int(),
  number: z.number(),
  boolean: z.boolean(),
  'list[string]': z.array(z.string()),
  'list[integer]': z.array(z.int()),
  'list[number]': z.array(z.number()),
  list: z.array(z.unknown()),
  dict: z.record(z.string(), z.unknown()),
};

/** zod 4 over the parsed rows, every issue collected (no positions). */
export function createZodBaseline(spec: SpecModel): (text: string) => number {
  const shape: Record<string, z.ZodType> = {};
  for (const column of spec.columns) {
    const type = ZOD_TYPES[column.type];
    shape[column.name] = column.required ? type : type.nullable().optional();
  }
  const schema = z.array(z.looseObject(shape)).min(1);
  return (text) => {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? 0 : result.error.issues.length;
  };
}

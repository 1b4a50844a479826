import { z } from 'zod';
import { DATAFRAME_TYPES } from '../spec/webhook-spec.ts';
import { regexProblem } from './safe-regex.ts';

/** The eleven operators Sixtyfour documents for `filter` (contract, "Revision of 2026-12-02"). */
export const FILTER_OPERATORS = [
  'equals',
  'not_equals',
  'contains',
  'not_contains',
  'greater',
  'less',
  'in',
  'not_in',
  'is_empty',
  'is_not_empty',
  'matches',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * Operator names of the single-condition shape Inlet wrote before the revision [decision]:
 * workflows in users' stores still hold them, so a reader maps them to the documented ones.
 * `gte` / `lte` have no documented twin and stay as they are.
 */
const LEGACY_OPERATOR_NAMES = ['eq', 'neq', 'gt', 'lt', 'gte', 'lte'] as const;
type LegacyOperator = (typeof LEGACY_OPERATOR_NAMES)[number];
export const LEGACY_FILTER_OPERATORS: Readonly<Record<LegacyOperator, ReadOperator>> = {
  eq: 'equals',
  neq: 'not_equals',
  gt: 'greater',
  lt: 'less',
  gte: 'gte',
  lte: 'lte',
};
export type ReadOperator = FilterOperator | 'gte' | 'lte';

const ALL_OPERATOR_NAMES = [...FILTER_OPERATORS, ...LEGACY_OPERATOR_NAMES] as const;
const UNARY: readonly string[] = ['is_empty', 'is_not_empty'];

const columnNameSchema = z.string().min(1, { error: 'A column name is required.' });
const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** One condition of `filter.filters`. */
export const filterConditionSchema = z
  .looseObject({
    column: columnNameSchema,
    operator: z.enum(ALL_OPERATOR_NAMES, {
      error: `operator must be one of: ${FILTER_OPERATORS.join(', ')}.`,
    }),
    value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
    logic: z.enum(['and', 'or'], { error: 'logic must be "and" or "or".' }).optional(),
  })
  .superRefine((condition, context) => {
    if (!UNARY.includes(condition.operator) && condition.value === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['value'],
        message: `The operator "${condition.operator}" compares with a value: add "value".`,
      });
    }
    if (condition.operator === 'matches') {
      const problem =
        typeof condition.value === 'string'
          ? regexProblem(condition.value)
          : 'The operator "matches" takes a regular expression as a string "value".';
      if (problem) context.addIssue({ code: 'custom', path: ['value'], message: problem });
    }
  });
export type FilterCondition = z.infer<typeof filterConditionSchema>;

/**
 * `filter`: Sixtyfour's `{"filters": [...]}`, or the single `{column, operator, value}` that
 * Inlet wrote before [decision: still read, so stored workflows keep running].
 */
export const filterSpecSchema = z
  .looseObject({
    filters: z.array(filterConditionSchema).optional(),
    column: z.unknown().optional(),
    operator: z.unknown().optional(),
    value: z.unknown().optional(),
  })
  .superRefine((spec, context) => {
    if (spec.filters !== undefined) {
      if (spec.filters.length === 0)
        context.addIssue({
          code: 'custom',
          path: ['filters'],
          message: 'filters is empty: add at least one {column, operator, value}.',
        });
      return;
    }
    if (spec.column === undefined && spec.operator === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['filters'],
        message: 'A filter needs "filters": [{"column", "operator", "value", "logic"}].',
      });
      return;
    }
    const single = filterConditionSchema.safeParse({
      column: spec.column,
      operator: spec.operator,
      ...(spec.value === undefined ? {} : { value: spec.value }),
    });
    if (!single.success) for (const issue of single.error.issues) context.addIssue({ ...issue });
  });
export type FilterSpec = z.infer<typeof filterSpecSchema>;

/** A filter spec's conditions in one shape, legacy operator names mapped. */
export function filterConditions(
  spec: FilterSpec,
): (FilterCondition & { operator: ReadOperator })[] {
  const raw: FilterCondition[] = spec.filters ?? [
    filterConditionSchema.parse({
      column: spec.column,
      operator: spec.operator,
      value: spec.value,
    }),
  ];
  return raw.map((condition) => ({
    ...condition,
    operator: Object.hasOwn(LEGACY_FILTER_OPERATORS, condition.operator)
      ? LEGACY_FILTER_OPERATORS[condition.operator as LegacyOperator] // hasOwn checked the key.
      : (condition.operator as FilterOperator), // not a legacy name, so a documented one.
  }));
}

/** `deduplicate`: `{}` drops whole-row duplicates [decision]; `columns` narrows the key. */
export const deduplicateSpecSchema = z.looseObject({
  columns: z.array(columnNameSchema).optional(),
});
export type DeduplicateSpec = z.infer<typeof deduplicateSpecSchema>;

/** `remove_columns`: drops `columns` from every row. */
export const removeColumnsSpecSchema = z.looseObject({
  columns: z.array(columnNameSchema).min(1, { error: 'Name at least one column.' }),
});
export type RemoveColumnsSpec = z.infer<typeof removeColumnsSpecSchema>;

/** `group_by` [decision]: one row per combination of `columns`, with `group_count`. */
export const groupBySpecSchema = z.looseObject({
  columns: z.array(columnNameSchema).min(1, { error: 'Name at least one column to group by.' }),
});
export type GroupBySpec = z.infer<typeof groupBySpecSchema>;

/** `outgoing_webhook`: POSTs the run's rows to `url`. */
export const outgoingWebhookSpecSchema = z.looseObject({
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL.' }),
});
export type OutgoingWebhookSpec = z.infer<typeof outgoingWebhookSpecSchema>;

/** The types Sixtyfour documents for a `return_fields` entry. */
export const RETURN_FIELD_TYPES = [
  'str',
  'int',
  'float',
  'bool',
  'list[str]',
  'list[int]',
  'dict',
] as const;
export type ReturnFieldType = (typeof RETURN_FIELD_TYPES)[number];

/**
 * One `return_fields` entry: `{"type", "description"}` as documented, or a bare description
 * string as Inlet's save form wrote before [decision: read as type `str`].
 */
export const returnFieldSchema = z.union(
  [
    z.looseObject({
      type: z.enum(RETURN_FIELD_TYPES, {
        error: `type must be one of: ${RETURN_FIELD_TYPES.join(', ')}.`,
      }),
      description: z.string().optional(),
    }),
    z.string(),
  ],
  {
    error: () =>
      'A return field is {"type": "str", "description": "…"} with type one of str, int, float, bool, list[str], list[int], dict.',
  },
);

export const returnFieldsSchema = z.record(z.string().min(1), returnFieldSchema);

/** Blocks that take `return_fields` (enrichment and AI). */
export const returnFieldsSpecSchema = z.looseObject({
  return_fields: returnFieldsSchema.optional(),
});

export const companyEnrichmentSpecSchema = z.looseObject({
  return_fields: returnFieldsSchema.optional(),
  find_people: z.boolean().optional(),
  people_focus_prompt: z.string().optional(),
});

export const FIND_EMAIL_MODES = ['PROFESSIONAL', 'PERSONAL'] as const;
export const findEmailSpecSchema = z.looseObject({
  mode: z
    .enum(FIND_EMAIL_MODES, { error: 'mode must be "PROFESSIONAL" or "PERSONAL".' })
    .optional(),
});

export const searchSpecSchema = z.looseObject({
  query: z.string().optional(),
  dataframe_type: z.enum(DATAFRAME_TYPES).optional(),
  max_results: z.number().int().positive().optional(),
  auto_execute: z.boolean().optional(),
});

/** `append_to_notebook`: `notebook_id` may be `"__create_new__"` with a `notebook_name`. */
export const appendToNotebookSpecSchema = z.looseObject({
  notebook_id: z.string().optional(),
  notebook_name: z.string().optional(),
});

export const readNotebookSpecSchema = z.looseObject({
  notebook_id: z.string().optional(),
  dataframe_type: z.enum(DATAFRAME_TYPES).optional(),
});

/** `read_csv`: may say its row type; the sandbox cannot run it. */
export const readCsvSpecSchema = z.looseObject({
  dataframe_type: z.enum(DATAFRAME_TYPES).optional(),
});

/** Specs of blocks whose keys Sixtyfour does not document: any object, kept as sent. */
export const anySpecSchema = z.looseObject({});

/** The filter spec as Sixtyfour documents it, for JSON Schema (editors complete from it). */
export const documentedFilterSpecSchema = z.looseObject({
  filters: z
    .array(
      z.looseObject({
        column: z.string().min(1),
        operator: z.enum(FILTER_OPERATORS),
        value: z.union([scalarSchema, z.array(scalarSchema)]).optional(),
        logic: z.enum(['and', 'or']).optional(),
      }),
    )
    .min(1),
});

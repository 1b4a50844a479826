import { z } from 'zod';
import { webhookSpecJsonSchema } from '../spec/webhook-block.ts';
import { DATAFRAME_TYPES, type DataframeType } from '../spec/webhook-spec.ts';

/** The row type a block takes; `ANY` takes either. */
export type RowTypeIn = DataframeType | 'ANY';
/** The row type a block hands on: a fixed one, its input's, or its spec's `dataframe_type`. */
export type RowTypeOut = DataframeType | 'same' | 'spec';
/** What the sandbox does with a block when it runs. */
export type SandboxExecution = 'real' | 'simulated' | 'not_executable';

export const FILTER_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'not_contains',
  'gt',
  'gte',
  'lt',
  'lte',
  'is_empty',
  'is_not_empty',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];
const UNARY_OPERATORS: readonly FilterOperator[] = ['is_empty', 'is_not_empty'];

const columnNameSchema = z.string().min(1, { error: 'A column name is required.' });

/** `filter`: keeps the rows where `column operator value` holds. */
export const filterSpecSchema = z
  .looseObject({
    column: columnNameSchema,
    operator: z.enum(FILTER_OPERATORS, {
      error: `operator must be one of: ${FILTER_OPERATORS.join(', ')}.`,
    }),
    value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
  })
  .refine((spec) => UNARY_OPERATORS.includes(spec.operator) || spec.value !== undefined, {
    error: 'This operator compares with a value: add "value".',
    path: ['value'],
  });
export type FilterSpec = z.infer<typeof filterSpecSchema>;

/** `deduplicate`: keeps the first row of each combination of `columns`. */
export const deduplicateSpecSchema = z.looseObject({
  columns: z.array(columnNameSchema).min(1, { error: 'Name at least one column.' }),
});
export type DeduplicateSpec = z.infer<typeof deduplicateSpecSchema>;

/** `remove_columns`: drops `columns` from every row. */
export const removeColumnsSpecSchema = z.looseObject({
  columns: z.array(columnNameSchema).min(1, { error: 'Name at least one column.' }),
});
export type RemoveColumnsSpec = z.infer<typeof removeColumnsSpecSchema>;

/** `outgoing_webhook`: POSTs the run's rows to `url`. */
export const outgoingWebhookSpecSchema = z.looseObject({
  url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL.' }),
});
export type OutgoingWebhookSpec = z.infer<typeof outgoingWebhookSpecSchema>;

/** Specs of blocks the sandbox simulates or does not run: any object (Sixtyfour's own keys). */
export const anySpecSchema = z.looseObject({});

/** `read_csv`: may say its row type; the sandbox cannot run it. */
export const readCsvSpecSchema = z.looseObject({
  dataframe_type: z.enum(DATAFRAME_TYPES).optional(),
});

export type BlockDefinition = {
  block_name: string;
  block_type: 'source' | 'transform' | 'enrich' | 'output';
  description: string;
  input: RowTypeIn;
  output: RowTypeOut;
  sandbox: SandboxExecution;
  /** Validates `specs`. The webhook block is read with `validateWebhookSpec` instead. */
  specsSchema: z.ZodType;
  /** JSON Schema of `specs` for `GET /workflows/blocks`. */
  jsonSchema: () => Record<string, unknown>;
};

const fromZod = (schema: z.ZodType) => (): Record<string, unknown> =>
  z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });

const define = (
  definition: Omit<BlockDefinition, 'jsonSchema'> & { jsonSchema?: () => Record<string, unknown> },
): BlockDefinition => ({ jsonSchema: fromZod(definition.specsSchema), ...definition });

const simulated = (
  block_name: string,
  input: RowTypeIn,
  output: RowTypeOut,
  description: string,
): BlockDefinition =>
  define({
    block_name,
    block_type: 'enrich',
    description: `${description} Simulated in the sandbox: added values are derived from the row and marked as simulated.`,
    input,
    output,
    sandbox: 'simulated',
    specsSchema: anySpecSchema,
  });

const notExecutable = (
  block_name: string,
  input: RowTypeIn,
  description: string,
): BlockDefinition =>
  define({
    block_name,
    block_type: 'enrich',
    description: `${description} Accepted in a graph; the sandbox cannot run it, so a run that reaches it fails.`,
    input,
    output: 'same',
    sandbox: 'not_executable',
    specsSchema: anySpecSchema,
  });

/** Every block the sandbox knows, with its row types (contract, "The workflow graph"). */
export const BLOCK_CATALOGUE: readonly BlockDefinition[] = [
  define({
    block_name: 'webhook',
    block_type: 'source',
    description:
      "Source: rows from the run request's webhook_payload, or the spec's webhook_input.",
    input: 'ANY',
    output: 'spec',
    sandbox: 'real',
    specsSchema: anySpecSchema,
    jsonSchema: webhookSpecJsonSchema,
  }),
  define({
    block_name: 'read_csv',
    block_type: 'source',
    description:
      'Source: rows from an uploaded CSV. Cannot take a webhook_payload; the sandbox cannot run it.',
    input: 'ANY',
    output: 'spec',
    sandbox: 'not_executable',
    specsSchema: readCsvSpecSchema,
  }),
  define({
    block_name: 'filter',
    block_type: 'transform',
    description: 'Keeps the rows where `column operator value` holds (numbers compare as numbers).',
    input: 'ANY',
    output: 'same',
    sandbox: 'real',
    specsSchema: filterSpecSchema,
  }),
  define({
    block_name: 'deduplicate',
    block_type: 'transform',
    description: 'Keeps the first row of each combination of values in `columns`.',
    input: 'ANY',
    output: 'same',
    sandbox: 'real',
    specsSchema: deduplicateSpecSchema,
  }),
  define({
    block_name: 'remove_columns',
    block_type: 'transform',
    description: 'Drops `columns` from every row.',
    input: 'ANY',
    output: 'same',
    sandbox: 'real',
    specsSchema: removeColumnsSpecSchema,
  }),
  simulated('company_enrichment', 'COMPANY', 'COMPANY', 'Adds facts about each company.'),
  simulated('lead_enrichment', 'LEAD', 'LEAD', 'Adds facts about each person.'),
  simulated('find_email', 'LEAD', 'LEAD', "Finds each person's work email."),
  simulated(
    'company_to_leads',
    'COMPANY',
    'LEAD',
    'Finds people at each company (COMPANY → LEAD).',
  ),
  simulated(
    'leads_to_company',
    'LEAD',
    'COMPANY',
    'Groups people into their companies (LEAD → COMPANY).',
  ),
  notExecutable('find_phone', 'LEAD', "Finds each person's phone number."),
  notExecutable('verify_email', 'LEAD', "Verifies each person's email."),
  notExecutable('reverse_email', 'LEAD', 'Finds the person behind an email.'),
  notExecutable('reverse_phone', 'LEAD', 'Finds the person behind a phone number.'),
  define({
    block_name: 'outgoing_webhook',
    block_type: 'output',
    description:
      'POSTs the rows to `url` as JSON, signed with Sixtyfour-Signature when the server has a signing secret; rows pass through.',
    input: 'ANY',
    output: 'same',
    sandbox: 'real',
    specsSchema: outgoingWebhookSpecSchema,
  }),
];

const byName = new Map(BLOCK_CATALOGUE.map((definition) => [definition.block_name, definition]));

/** The catalogue entry for a block name, if the sandbox knows it. */
export const findBlockDefinition = (blockName: string): BlockDefinition | undefined =>
  byName.get(blockName);

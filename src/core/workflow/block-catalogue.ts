import { z } from 'zod';
import { webhookSpecJsonSchema } from '../spec/webhook-block.ts';
import type { DataframeType } from '../spec/webhook-spec.ts';
import {
  anySpecSchema,
  appendToNotebookSpecSchema,
  companyEnrichmentSpecSchema,
  deduplicateSpecSchema,
  documentedFilterSpecSchema,
  filterSpecSchema,
  findEmailSpecSchema,
  groupBySpecSchema,
  outgoingWebhookSpecSchema,
  readCsvSpecSchema,
  readNotebookSpecSchema,
  removeColumnsSpecSchema,
  returnFieldsSpecSchema,
  searchSpecSchema,
} from './block-specs.ts';
import { FOUND_ROWS_DEFAULT } from './block-outputs.ts';

export {
  deduplicateSpecSchema,
  filterSpecSchema,
  outgoingWebhookSpecSchema,
  removeColumnsSpecSchema,
} from './block-specs.ts';
export type {
  DeduplicateSpec,
  FilterSpec,
  OutgoingWebhookSpec,
  RemoveColumnsSpec,
} from './block-specs.ts';

/** The row type a block takes; `ANY` takes either. */
export type RowTypeIn = DataframeType | 'ANY';
/** The row type a block hands on: a fixed one, its input's, or its spec's `dataframe_type`. */
export type RowTypeOut = DataframeType | 'same' | 'spec';
/**
 * What the sandbox does with a block when it runs: runs it for real, simulates it (from the
 * row, or for the sources that find their own rows, from the specs), or cannot (read_csv,
 * which Sixtyfour's API cannot start either).
 */
export type SandboxExecution = 'real' | 'simulated' | 'not_executable';

/** The catalogue's groups, in the contract's order. */
export const BLOCK_CATEGORIES = [
  'input',
  'enrichment',
  'discovery',
  'web',
  'social',
  'AI',
  'data ops',
  'output',
  'integrations',
] as const;
export type BlockCategory = (typeof BLOCK_CATEGORIES)[number];

export type BlockDefinition = {
  block_name: string;
  block_type: 'source' | 'transform' | 'enrich' | 'output';
  category: BlockCategory;
  description: string;
  input: RowTypeIn;
  output: RowTypeOut;
  sandbox: SandboxExecution;
  /** Validates `specs`. The webhook block is read with `validateWebhookSpec` instead. */
  specsSchema: z.ZodType;
  /** JSON Schema of `specs` for `GET /workflows/blocks`. */
  jsonSchema: () => Record<string, unknown>;
};

// Every block's spec has a JSON Schema form; one that had none would throw when the server
// builds GET /workflows/blocks at start, rather than advertise `{}` (any value) for it.
const fromZod = (schema: z.ZodType) => (): Record<string, unknown> =>
  z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'throw' });

type Entry = Omit<BlockDefinition, 'jsonSchema' | 'specsSchema' | 'block_type'> & {
  block_type?: BlockDefinition['block_type'];
  specsSchema?: z.ZodType;
  jsonSchema?: () => Record<string, unknown>;
};

const define = (entry: Entry): BlockDefinition => {
  const specsSchema = entry.specsSchema ?? anySpecSchema;
  return {
    block_type: 'enrich',
    jsonSchema: fromZod(specsSchema),
    ...entry,
    specsSchema,
  };
};

const SIMULATED_NOTE =
  ' Simulated in the sandbox: the values are derived from the row (the same row gives the same values) and the row is marked "_simulated".';

/** A block that needs the outside world: simulated, adding its columns to each row. */
const simulated = (
  block_name: string,
  category: BlockCategory,
  input: RowTypeIn,
  description: string,
  specsSchema?: z.ZodType,
): BlockDefinition =>
  define({
    block_name,
    category,
    description: `${description}${SIMULATED_NOTE}`,
    input,
    output: input === 'ANY' ? 'same' : input,
    sandbox: 'simulated',
    ...(specsSchema ? { specsSchema } : {}),
  });

/** A simulated output: rows pass through unchanged; the run's warnings say nothing was sent. */
const simulatedOutput = (
  block_name: string,
  category: BlockCategory,
  description: string,
  specsSchema?: z.ZodType,
): BlockDefinition =>
  define({
    block_name,
    block_type: 'output',
    category,
    description: `${description} Simulated in the sandbox: nothing leaves it; the rows pass through unchanged.`,
    input: 'ANY',
    output: 'same',
    sandbox: 'simulated',
    ...(specsSchema ? { specsSchema } : {}),
  });

/** A source that finds its own rows: a run starts it without webhook_payload. */
const finder = (block_name: string, description: string, specsSchema: z.ZodType): BlockDefinition =>
  define({
    block_name,
    block_type: 'source',
    category: 'input',
    description: `${description} Runs without webhook_payload (a run that sends one needs a webhook source). Simulated in the sandbox: max_results rows (${FOUND_ROWS_DEFAULT} unless set) of its dataframe_type (LEAD unless set), made up from the specs (the same specs give the same rows) and marked "_simulated".`,
    input: 'ANY',
    output: 'spec',
    sandbox: 'simulated',
    specsSchema,
  });

const real = (entry: Omit<Entry, 'sandbox' | 'output' | 'input'>): BlockDefinition =>
  define({ block_type: 'transform', input: 'ANY', output: 'same', sandbox: 'real', ...entry });

/** Every block of the contract's catalogue (contract, "Revision of 2026-12-02"). */
export const BLOCK_CATALOGUE: readonly BlockDefinition[] = [
  define({
    block_name: 'webhook',
    block_type: 'source',
    category: 'input',
    description:
      "Source: rows from the run request's webhook_payload, or the spec's webhook_input. Without dataframe_type the row type is unknown and any block may follow.",
    input: 'ANY',
    output: 'spec',
    sandbox: 'real',
    jsonSchema: webhookSpecJsonSchema,
  }),
  finder('read_notebook', 'Source: the rows of a Sixtyfour notebook.', readNotebookSpecSchema),
  finder('search', 'Source: people or companies found for a search query.', searchSpecSchema),
  define({
    block_name: 'read_csv',
    block_type: 'source',
    category: 'input',
    description:
      "Source: rows from an uploaded CSV. Sixtyfour's API cannot start a workflow that begins here, so the sandbox refuses such runs: use a webhook source.",
    input: 'ANY',
    output: 'spec',
    sandbox: 'not_executable',
    specsSchema: readCsvSpecSchema,
  }),

  simulated(
    'company_enrichment',
    'enrichment',
    'COMPANY',
    'Adds the return_fields about each company; find_people also lists its people.',
    companyEnrichmentSpecSchema,
  ),
  simulated(
    'lead_enrichment',
    'enrichment',
    'LEAD',
    'Adds the return_fields about each person.',
    returnFieldsSpecSchema,
  ),
  simulated(
    'find_email',
    'enrichment',
    'LEAD',
    "Adds each person's email (column email).",
    findEmailSpecSchema,
  ),
  simulated('find_phone', 'enrichment', 'LEAD', "Adds each person's phone number (column phone)."),
  simulated(
    'verify_email',
    'enrichment',
    'LEAD',
    'Adds whether the email is deliverable (column email_status).',
  ),
  simulated('reverse_email', 'enrichment', 'LEAD', 'Adds the person behind an email.'),
  simulated('reverse_phone', 'enrichment', 'LEAD', 'Adds the person behind a phone number.'),

  define({
    block_name: 'company_to_leads',
    category: 'discovery',
    description: `Turns each company row into one or more lead rows (COMPANY → LEAD).${SIMULATED_NOTE}`,
    input: 'COMPANY',
    output: 'LEAD',
    sandbox: 'simulated',
  }),
  define({
    block_name: 'leads_to_company',
    category: 'discovery',
    description: `Groups lead rows into one row per company (LEAD → COMPANY).${SIMULATED_NOTE}`,
    input: 'LEAD',
    output: 'COMPANY',
    sandbox: 'simulated',
  }),
  simulated('github_find_people', 'discovery', 'ANY', 'Adds the GitHub profile behind each row.'),
  simulated('google_maps_search', 'discovery', 'ANY', 'Adds the Google Maps place for each row.'),

  simulated('scrape_web', 'web', 'ANY', "Adds the title and text of each row's web page."),
  simulated('backlinks_referring_domains', 'web', 'ANY', 'Adds the domains linking to the site.'),
  simulated('find_subdomains', 'web', 'ANY', "Adds the domain's subdomains."),

  simulated('x_search', 'social', 'ANY', 'Adds matching posts on X.'),
  simulated('tiktok_get_following', 'social', 'ANY', 'Adds the TikTok accounts followed.'),
  simulated('kaggle_leaderboard', 'social', 'ANY', 'Adds the Kaggle leaderboard rank and score.'),

  simulated(
    'llm_openai',
    'AI',
    'ANY',
    "Adds an LLM's answer (its return_fields, or llm_output).",
    returnFieldsSpecSchema,
  ),
  simulated(
    'qa_agent',
    'AI',
    'ANY',
    'Adds a check of each row (its return_fields, or qa_passed and qa_reason).',
    returnFieldsSpecSchema,
  ),
  simulated(
    'research_agent',
    'AI',
    'ANY',
    'Adds what a research agent finds (its return_fields, or research_summary).',
    returnFieldsSpecSchema,
  ),
  simulated(
    'transform_data',
    'AI',
    'ANY',
    'Adds a transformed value (its return_fields, or transformed_value).',
    returnFieldsSpecSchema,
  ),

  real({
    block_name: 'filter',
    category: 'data ops',
    description:
      'Keeps the rows that pass filters: [{column, operator, value, logic}], combined left to right (numbers compare as numbers).',
    specsSchema: filterSpecSchema,
    jsonSchema: fromZod(documentedFilterSpecSchema),
  }),
  real({
    block_name: 'deduplicate',
    category: 'data ops',
    description:
      'Keeps the first row of each combination of values in columns; without columns, drops whole-row duplicates.',
    specsSchema: deduplicateSpecSchema,
  }),
  define({
    block_name: 'deduplicate_wrt_notebook',
    block_type: 'transform',
    category: 'data ops',
    description:
      'Drops rows already in a notebook. Simulated in the sandbox: it has no notebooks, so every row passes.',
    input: 'ANY',
    output: 'same',
    sandbox: 'simulated',
  }),
  real({
    block_name: 'group_by',
    category: 'data ops',
    description: 'One row per combination of values in columns, with group_count.',
    specsSchema: groupBySpecSchema,
  }),
  real({
    block_name: 'remove_columns',
    category: 'data ops',
    description: 'Drops columns from every row.',
    specsSchema: removeColumnsSpecSchema,
  }),

  simulatedOutput(
    'append_to_notebook',
    'output',
    'Appends the rows to a notebook (notebook_id, or "__create_new__" with notebook_name).',
    appendToNotebookSpecSchema,
  ),
  simulatedOutput('send_slack_message', 'output', 'Posts a message to Slack.'),
  real({
    block_name: 'outgoing_webhook',
    block_type: 'output',
    category: 'output',
    description:
      'POSTs the rows to url as JSON, signed with Sixtyfour-Signature when the server has a signing secret; rows pass through.',
    specsSchema: outgoingWebhookSpecSchema,
  }),

  simulated(
    'hubspot_import',
    'integrations',
    'ANY',
    'Imports each row into HubSpot (adds hubspot_record_id).',
  ),
  simulated('yc_batches', 'integrations', 'ANY', 'Adds the Y Combinator batch.'),
  simulated('yc_companies', 'integrations', 'ANY', 'Adds the Y Combinator batch and page.'),
];

/** Names Sixtyfour's OpenAPI descriptions use for the enrichment blocks. */
export const BLOCK_ALIASES: Readonly<Record<string, string>> = {
  enrich_lead: 'lead_enrichment',
  enrich_company: 'company_enrichment',
};

/** The catalogue name for a block name or alias. */
export const canonicalBlockName = (blockName: string): string =>
  Object.hasOwn(BLOCK_ALIASES, blockName) ? (BLOCK_ALIASES[blockName] ?? blockName) : blockName;

const byName = new Map(BLOCK_CATALOGUE.map((definition) => [definition.block_name, definition]));

/** The catalogue entry for a block name (or alias), if the sandbox knows it. */
export const findBlockDefinition = (blockName: string): BlockDefinition | undefined =>
  byName.get(canonicalBlockName(blockName));

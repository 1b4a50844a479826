import { z } from 'zod';
import {
  FIELD_TYPE_NAMES,
  fieldTypeSchema,
  resolveFieldType,
  unknownFieldTypeMessage,
} from './field-type.ts';

export const DATAFRAME_TYPES = ['LEAD', 'COMPANY'] as const;
export const dataframeTypeSchema = z.enum(DATAFRAME_TYPES, {
  error: () => 'dataframe_type must be "LEAD" or "COMPANY".',
});
export type DataframeType = z.infer<typeof dataframeTypeSchema>;

/** What each row type feeds downstream, in one line (shown beside the choice). */
export const DATAFRAME_TYPE_DESCRIPTIONS: Readonly<Record<DataframeType, string>> = Object.freeze({
  LEAD: 'Each row is a person: feeds lead blocks such as find_email, lead_enrichment and verify_email.',
  COMPANY:
    'Each row is a company: feeds company_enrichment, and company_to_leads to find its people.',
});

/** A type name as written on the wire: canonical or alias. */
export const fieldTypeNameSchema = z.enum(FIELD_TYPE_NAMES as [string, ...string[]], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? unknownFieldTypeMessage(issue.input)
      : 'A column type must be a type name such as "string".',
});

/** Full form of a field schema [decision]; the editor writes this form. */
export const fieldSchemaFullSchema = z.strictObject(
  {
    type: fieldTypeNameSchema,
    description: z.string().optional(),
    required: z.boolean().optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')} in a column; a column takes type, description and required.`
        : undefined,
  },
);

/** A field schema as a reader accepts it: shorthand type name, or the full object. */
export const fieldSchemaSchema = z.union([fieldTypeNameSchema, fieldSchemaFullSchema], {
  error: () => 'A column is a type name such as "string" or an object like {"type": "string"}.',
});
export type FieldSchema = z.infer<typeof fieldSchemaSchema>;

/**
 * `input_schema` on the wire. Use it for JSON Schema and documentation; read specs with
 * `parseWebhookSpec`, because zod's record output drops a column named `__proto__`.
 */
export const inputSchemaSchema = z.record(z.string(), fieldSchemaSchema);

/** The webhook block's `specs` as Sixtyfour stores them. */
export const webhookSpecSchema = z.strictObject(
  {
    input_schema: inputSchemaSchema.optional(),
    webhook_input: z.string().optional(),
    /**
     * Sixtyfour's docs call it required, but its own examples send `specs: {}`; without it
     * the row type is unknown (contract, "Revision of 2026-12-02").
     */
    dataframe_type: dataframeTypeSchema.optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown key ${issue.keys.map((key) => `"${key}"`).join(', ')} in the webhook spec; it takes input_schema, webhook_input and dataframe_type.`
        : undefined,
  },
);
export type WebhookSpec = z.infer<typeof webhookSpecSchema>;

/** The spec without `input_schema`, which `parseWebhookSpec` reads itself; built once. */
const specShellSchema = webhookSpecSchema.omit({ input_schema: true });

/** One column as the designer holds it: a list keeps order and any name exactly. */
export const columnSchema = z.object({
  name: z.string(),
  type: fieldTypeSchema,
  required: z.boolean(),
  description: z.string(),
});
export type Column = z.infer<typeof columnSchema>;

/** The spec as the app works with it: columns in order, types canonical. */
export const specModelSchema = z.object({
  columns: z.array(columnSchema),
  /** Absent when the spec has none (row type unknown); the designer offers to set it. */
  dataframe_type: dataframeTypeSchema.optional(),
  /** JSON text of the default sample payload; absent when the spec has none. */
  webhook_input: z.string().optional(),
});
export type SpecModel = z.infer<typeof specModelSchema>;

export type SpecIssue = { path: (string | number)[]; message: string };

export type SpecParseResult =
  { success: true; data: SpecModel } | { success: false; issues: SpecIssue[] };

const toIssues = (error: z.ZodError, prefix: (string | number)[] = []): SpecIssue[] =>
  error.issues.map((issue) => ({
    path: [
      ...prefix,
      ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
    ],
    message: issue.message,
  }));

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one column's field schema (either form) into a column of the model. */
function readColumn(name: string, raw: unknown): { column: Column } | { issues: SpecIssue[] } {
  const parsed = fieldSchemaSchema.safeParse(raw);
  if (!parsed.success) {
    // A union's own message hides which member failed; name the member's issue instead.
    const direct =
      typeof raw === 'string'
        ? fieldTypeNameSchema.safeParse(raw)
        : isPlainObject(raw)
          ? fieldSchemaFullSchema.safeParse(raw)
          : parsed;
    const error = direct.success ? parsed.error : direct.error;
    return { issues: toIssues(error, ['input_schema', name]) };
  }
  const value = parsed.data;
  const typeName = typeof value === 'string' ? value : value.type;
  // fieldTypeNameSchema admits only known names, so this resolves.
  const type = resolveFieldType(typeName) ?? 'string';
  return {
    column: {
      name,
      type,
      required: typeof value === 'string' ? false : (value.required ?? false),
      description: typeof value === 'string' ? '' : (value.description ?? ''),
    },
  };
}

/**
 * Reads a webhook block spec in either field-schema form into the model. Column order and
 * names are kept exactly (a column named `__proto__` included). Name rules (duplicates,
 * control characters) are not checked here: see `specModelIssues`.
 */
export function parseWebhookSpec(input: unknown): SpecParseResult {
  if (!isPlainObject(input)) {
    return {
      success: false,
      issues: [
        { path: [], message: 'The spec must be a JSON object, like {"dataframe_type": "LEAD"}.' },
      ],
    };
  }
  const { input_schema: rawInputSchema, ...rest } = input;
  const shell = specShellSchema.safeParse(rest);
  const issues: SpecIssue[] = shell.success ? [] : toIssues(shell.error);
  const columns: Column[] = [];
  if (rawInputSchema !== undefined) {
    if (isPlainObject(rawInputSchema)) {
      for (const name of Object.keys(rawInputSchema)) {
        const read = readColumn(name, rawInputSchema[name]);
        if ('column' in read) columns.push(read.column);
        else issues.push(...read.issues);
      }
    } else {
      issues.push({
        path: ['input_schema'],
        message: 'input_schema must be an object of column name → type, like {"email": "string"}.',
      });
    }
  }
  if (!shell.success || issues.length > 0) return { success: false, issues };
  const { dataframe_type, webhook_input } = shell.data;
  return {
    success: true,
    data: {
      columns,
      ...(dataframe_type === undefined ? {} : { dataframe_type }),
      ...(webhook_input === undefined ? {} : { webhook_input }),
    },
  };
}

/**
 * The wire spec in full form. Keys are own data properties (so `__proto__` stays a column);
 * with duplicate names the last wins, so check `specModelIssues` before sending.
 */
export function specModelToWebhookSpec(model: SpecModel): WebhookSpec {
  const inputSchema: Record<string, FieldSchema> = Object.fromEntries(
    model.columns.map((column) => [
      column.name,
      {
        type: column.type,
        ...(column.description === '' ? {} : { description: column.description }),
        required: column.required,
      },
    ]),
  );
  return {
    input_schema: inputSchema,
    ...(model.webhook_input === undefined ? {} : { webhook_input: model.webhook_input }),
    ...(model.dataframe_type === undefined ? {} : { dataframe_type: model.dataframe_type }),
  };
}

/** A new, empty spec. */
export const emptySpecModel = (): SpecModel => ({ columns: [], dataframe_type: 'COMPANY' });

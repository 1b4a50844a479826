import type { FieldType } from '@core/spec/field-type.ts';
import { type Column, parseWebhookSpec, type SpecModel } from '@core/spec/webhook-spec.ts';
import { isJsonObject } from '@core/wire/json-object.ts';
import type { EffectiveSpec } from './effective-spec.ts';
import { clipText } from '@web/lib/clip-text.ts';

/** One changed value, written as the table shows it: `employees.required: false → true`. */
export type CellChange = { path: string; from: string; to: string };

export type EffectiveRow =
  | {
      kind: 'column';
      name: string;
      stored: Column | undefined;
      /** The override's own entry for the column, as typed. */
      override: unknown;
      /** The override replaces input_schema (so every stored column is in it or dropped). */
      overridesSchema: boolean;
      result: Column | undefined;
      /** added: only in the result; dropped: only in the stored spec. */
      state: 'same' | 'changed' | 'added' | 'dropped';
      changes: CellChange[];
    }
  | {
      kind: 'key';
      name: 'dataframe_type' | 'webhook_input';
      stored: string | undefined;
      override: unknown;
      overridden: boolean;
      result: string | undefined;
      changes: CellChange[];
    };

const modelOf = (specs: Record<string, unknown> | undefined): SpecModel | undefined => {
  if (!specs) return undefined;
  const parsed = parseWebhookSpec(specs);
  return parsed.success ? parsed.data : undefined;
};

const columnChanges = (stored: Column, result: Column): CellChange[] => {
  const fields = ['type', 'required', 'description'] as const;
  return fields
    .filter((field) => stored[field] !== result[field])
    .map((field) => ({
      path: `${stored.name}.${field}`,
      from: JSON.stringify(stored[field]),
      to: JSON.stringify(result[field]),
    }))
    .map((change) =>
      // Types and booleans read better bare: `false → true`, `string → integer`.
      change.path.endsWith('.description')
        ? change
        : { ...change, from: unquote(change.from), to: unquote(change.to) },
    );
};

const unquote = (text: string): string => text.replace(/^"(.*)"$/, '$1');

/**
 * The stored spec, the override and the result, column by column and then key by key, each
 * changed value named. An override of `input_schema` replaces the stored one whole (contract,
 * "specs_override": a shallow merge), so a stored column missing from it is `dropped`.
 */
export function effectiveRows(
  stored: Record<string, unknown>,
  override: Record<string, unknown> | undefined,
  effective: EffectiveSpec,
): EffectiveRow[] {
  const storedModel = modelOf(stored);
  const resultModel = effective.success ? effective.model : storedModel;
  const overrideSchema =
    override && Object.hasOwn(override, 'input_schema') && isJsonObject(override.input_schema)
      ? override.input_schema
      : undefined;
  const storedColumns = new Map(
    (storedModel?.columns ?? []).map((column) => [column.name, column]),
  );
  const resultColumns = new Map(
    (resultModel?.columns ?? []).map((column) => [column.name, column]),
  );
  const names = [...new Set([...storedColumns.keys(), ...resultColumns.keys()])];
  const rows: EffectiveRow[] = names.map((name) => {
    const before = storedColumns.get(name);
    const after = resultColumns.get(name);
    const changes = before && after ? columnChanges(before, after) : [];
    const state = !after ? 'dropped' : !before ? 'added' : changes.length > 0 ? 'changed' : 'same';
    return {
      kind: 'column',
      name,
      stored: before,
      override:
        overrideSchema && Object.hasOwn(overrideSchema, name) ? overrideSchema[name] : undefined,
      overridesSchema: overrideSchema !== undefined,
      result: after,
      state,
      changes,
    };
  });
  for (const key of ['dataframe_type', 'webhook_input'] as const) {
    const before = storedModel?.[key];
    const after = resultModel?.[key];
    const overridden = override !== undefined && Object.hasOwn(override, key);
    rows.push({
      kind: 'key',
      name: key,
      stored: before,
      override: overridden ? override[key] : undefined,
      overridden,
      result: after,
      changes:
        before === after
          ? []
          : [
              {
                path: key,
                from: before === undefined ? '—' : short(before),
                to: after === undefined ? '—' : short(after),
              },
            ],
    });
  }
  return rows;
}

const short = (text: string): string => clipText(text, 40);

/** Stored columns an `input_schema` override leaves out, which this run will not have. */
export const droppedColumns = (rows: readonly EffectiveRow[]): string[] =>
  rows.flatMap((row) => (row.kind === 'column' && row.state === 'dropped' ? [row.name] : []));

type FieldEntry = { type: string; required?: boolean; description?: string };

/** A column's entry in full form, from either wire form (shorthand "string" or an object). */
const fullEntry = (raw: unknown): FieldEntry => {
  if (typeof raw === 'string') return { type: raw };
  if (isJsonObject(raw)) {
    const { type, required, description } = raw;
    return {
      type: typeof type === 'string' ? type : 'string',
      ...(typeof required === 'boolean' ? { required } : {}),
      ...(typeof description === 'string' ? { description } : {}),
    };
  }
  return { type: 'string' };
};

export type ColumnEdit =
  | { kind: 'required'; name: string; required: boolean }
  | { kind: 'type'; name: string; type: FieldType }
  | { kind: 'remove'; name: string }
  | { kind: 'restore'; name: string };

/**
 * The override after one per-column edit. It starts from the override's own input_schema
 * when it has one, else from the stored input_schema, so editing one column never drops the
 * others (the merge replaces input_schema whole).
 */
export function editOverrideColumn(
  stored: Record<string, unknown>,
  override: Record<string, unknown> | undefined,
  edit: ColumnEdit,
): Record<string, unknown> {
  const storedSchema = isJsonObject(stored.input_schema) ? stored.input_schema : {};
  const current =
    override && isJsonObject(override.input_schema) ? override.input_schema : storedSchema;
  const entries = new Map<string, unknown>(Object.entries(current));
  const entry = fullEntry(entries.get(edit.name) ?? storedSchema[edit.name]);
  if (edit.kind === 'required') entries.set(edit.name, { ...entry, required: edit.required });
  else if (edit.kind === 'type') entries.set(edit.name, { ...entry, type: edit.type });
  else if (edit.kind === 'remove') entries.delete(edit.name);
  else entries.set(edit.name, storedSchema[edit.name] ?? entry);
  return { ...override, input_schema: Object.fromEntries(entries) };
}

/** "Start from the stored spec": the override with the stored input_schema, to edit. */
export const startFromStored = (
  stored: Record<string, unknown>,
  override: Record<string, unknown> | undefined,
): Record<string, unknown> => ({
  ...override,
  input_schema: isJsonObject(stored.input_schema) ? stored.input_schema : {},
});

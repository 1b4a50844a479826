import type { FieldType } from '../spec/field-type.ts';

/**
 * Every kind of finding the judge reports. The first eight reject the payload (see
 * `REJECTION_STATUS` in verdict-rules.ts); the rest are warnings or notes.
 */
export const FINDING_KINDS = [
  'invalid_json',
  'too_large',
  'not_rows',
  'empty_payload',
  'too_many_rows',
  'too_deep',
  'missing_required',
  'null_required',
  'type_mismatch',
  'unsafe_number',
  'lone_surrogate',
  'duplicate_key',
  'advisory_column',
  'byte_order_mark',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export type Finding = {
  kind: FindingKind;
  severity: Severity;
  /** 0-based index of the row; messages show rows 1-based ("Row 1" is index 0). */
  row: number | null;
  column: string | null;
  /** RFC 6901 JSON Pointer into the payload ("" is the whole payload). */
  pointer: string;
  /**
   * Source range in UTF-16 code units, text variant only. It covers the value `pointer`
   * names, except for `invalid_json` (the syntax error) and `byte_order_mark` (the BOM).
   */
  offset?: number;
  length?: number;
  message: string;
};

export type RejectionStatus = 400 | 413 | 422;

/** JSON types as the summary counts them; a whole number counts as `integer` only. */
export type JsonTypeName =
  'string' | 'number' | 'integer' | 'boolean' | 'null' | 'array' | 'object';

export type ColumnSummary = {
  name: string;
  /** In the spec's columns; otherwise an advisory column. */
  declared: boolean;
  /** Rows that hold the key (with any value, null included). */
  present: number;
  types: Partial<Record<JsonTypeName, number>>;
};

export type DatasetSummary = {
  /** Rows in the payload: the array's length, 1 for a single object, 0 otherwise. */
  rowCount: number;
  /** Declared columns in spec order, then advisory columns in first-seen order. */
  columns: ColumnSummary[];
};

export type Judgement = {
  verdict: 'accepted' | 'rejected';
  rejection?: { status: RejectionStatus; message: string };
  /** At most `maxFindingsPerKind` of each kind, payload-level first, then by row. */
  findings: Finding[];
  /** Counted over every finding, including those left out of `findings`. */
  totals: { errors: number; warnings: number; infos: number; byKind: Record<FindingKind, number> };
  /** Some kind had more findings than `findings` holds. */
  truncated: boolean;
  summary: DatasetSummary;
};

export type JudgeOptions = {
  /** Defaults to MAX_BODY_BYTES; the sandbox passes INLET_MAX_BODY_BYTES. */
  maxBodyBytes?: number;
  /** Defaults to MAX_ROWS; the sandbox passes INLET_MAX_ROWS. */
  maxRows?: number;
  /** Defaults to MAX_JSON_DEPTH. */
  maxDepth?: number;
  /** Defaults to MAX_FINDINGS_PER_KIND. */
  maxFindingsPerKind?: number;
  /**
   * Value variant only: the byte length of the request body when the caller knows it.
   * A parsed value has no bytes of its own, so without it the body limit is not checked.
   */
  bodyBytes?: number;
  /**
   * Text variant only: set false to skip source ranges and duplicate-key detection (the
   * walk over the text that both need), for a verdict alone.
   */
  locate?: boolean;
};

export type InferredColumn = {
  name: string;
  type: FieldType;
  /** Present and non-null in every row. */
  required: boolean;
  evidence: { present: number; rows: number; typesSeen: string[]; examples: string[] };
  /** What the guess rests on beyond the JSON types ("ISO dates, kept as text"). */
  note?: string;
};

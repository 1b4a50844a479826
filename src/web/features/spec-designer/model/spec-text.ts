import {
  findNodeAtLocation,
  type Node as JsonNode,
  parseTree,
  printParseErrorCode,
  type ParseError,
} from 'jsonc-parser';
import { offsetToLineColumn } from '@core/judge/line-column.ts';
import type { SpecModelIssue } from '@core/spec/spec-issues.ts';
import { parseWebhookSpec, type SpecIssue, type SpecModel } from '@core/spec/webhook-spec.ts';
import { errorMessage } from '@core/error-message.ts';

/** Something wrong with a JSON text, placed at a line and column (1-based) for people. */
export type TextProblem = {
  message: string;
  line: number;
  column: number;
  startOffset: number;
  endOffset: number;
};

export type SpecTextReading =
  | { status: 'ok'; model: SpecModel; note?: string }
  | { status: 'syntax' | 'invalid'; problems: TextProblem[] };

const SYNTAX_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Expected a property name in double quotes (or a stray comma)',
  ValueExpected: 'Expected a value',
  ColonExpected: 'Expected a colon after the property name',
  CommaExpected: 'Expected a comma',
  CloseBraceExpected: 'Expected a closing brace }',
  CloseBracketExpected: 'Expected a closing bracket ]',
  EndOfFileExpected: 'Unexpected text after the end of the JSON',
  InvalidCommentToken: 'Comments are not allowed in JSON',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid Unicode escape',
  InvalidEscapeCharacter: 'Invalid escape character in a string',
  InvalidCharacter: 'Invalid character in a string (escape control characters such as \\n)',
};

const problemAt = (text: string, message: string, start: number, end: number): TextProblem => ({
  message,
  ...offsetToLineColumn(text, start),
  startOffset: start,
  endOffset: Math.max(end, start + 1),
});

/** Parses JSON text, keeping own keys such as `__proto__`, and says where it breaks. */
function parseJsonText(
  text: string,
):
  | { ok: true; value: unknown; tree: JsonNode | undefined }
  | { ok: false; problems: TextProblem[] } {
  if (text.trim() === '') {
    return {
      ok: false,
      problems: [
        problemAt(
          text,
          'The text is empty: write a JSON object such as {"dataframe_type": "LEAD"}.',
          0,
          0,
        ),
      ],
    };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    return {
      ok: false,
      problems: errors.map((error) => {
        const code = printParseErrorCode(error.error);
        return problemAt(
          text,
          `${SYNTAX_MESSAGES[code] ?? code}.`,
          error.offset,
          error.offset + error.length,
        );
      }),
    };
  }
  try {
    // JSON.parse, not jsonc-parser's values: it makes `__proto__` an own key, not a prototype.
    return { ok: true, value: JSON.parse(text) as unknown, tree };
  } catch (error) {
    return {
      ok: false,
      problems: [problemAt(text, errorMessage(error), 0, 0)],
    };
  }
}

/** The node a path points at, or its nearest existing ancestor. */
function nodeForPath(
  tree: JsonNode | undefined,
  path: readonly (string | number)[],
): JsonNode | undefined {
  if (!tree) return undefined;
  for (let length = path.length; length >= 0; length -= 1) {
    const node = findNodeAtLocation(tree, path.slice(0, length));
    if (node) return node;
  }
  return tree;
}

const locate = (
  text: string,
  tree: JsonNode | undefined,
  issues: readonly SpecIssue[],
  prefix: readonly (string | number)[] = [],
): TextProblem[] =>
  issues.map((issue) => {
    const node = nodeForPath(tree, [...prefix, ...issue.path]);
    const start = node?.offset ?? 0;
    return problemAt(text, issue.message, start, start + (node?.length ?? 1));
  });

/** Exact duplicate keys in `input_schema`: JSON.parse would silently keep only the last. */
function duplicateKeyProblems(text: string, schemaNode: JsonNode | undefined): TextProblem[] {
  if (schemaNode?.type !== 'object') return [];
  const seen = new Set<string>();
  const problems: TextProblem[] = [];
  for (const property of schemaNode.children ?? []) {
    const key = property.children?.[0];
    if (typeof key?.value !== 'string') continue;
    if (seen.has(key.value)) {
      problems.push(
        problemAt(
          text,
          `Column "${key.value}" appears twice in input_schema; JSON keeps only the last, so rename or remove one.`,
          key.offset,
          key.offset + key.length,
        ),
      );
    }
    seen.add(key.value);
  }
  return problems;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the JSON editor's text into a spec model, or says what is wrong and where. */
export function readSpecText(text: string): SpecTextReading {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { status: 'syntax', problems: parsed.problems };
  const tree = parsed.tree;
  const duplicates = duplicateKeyProblems(
    text,
    tree ? findNodeAtLocation(tree, ['input_schema']) : undefined,
  );
  const spec = parseWebhookSpec(parsed.value);
  if (!spec.success) {
    return { status: 'invalid', problems: [...locate(text, tree, spec.issues), ...duplicates] };
  }
  if (duplicates.length > 0) return { status: 'invalid', problems: duplicates };
  return { status: 'ok', model: spec.data };
}

/**
 * Reads a spec to import: the spec itself, a whole webhook block (`specs` is taken), or a
 * workflow definition with exactly one webhook block.
 */
export function readImportText(text: string): SpecTextReading {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { status: 'syntax', problems: parsed.problems };
  const { value, tree } = parsed;
  let prefix: (string | number)[] = [];
  let note: string | undefined;
  if (isPlainObject(value) && isPlainObject(value.specs) && 'block_name' in value) {
    if (value.block_name !== 'webhook') {
      return {
        status: 'invalid',
        problems: locate(text, tree, [
          {
            path: ['block_name'],
            message: `This is a "${String(value.block_name)}" block; import a webhook block or its specs.`,
          },
        ]),
      };
    }
    prefix = ['specs'];
    note = 'Took the specs of the webhook block.';
  } else if (isPlainObject(value) && Array.isArray(value.blocks)) {
    const webhookIndexes = value.blocks.flatMap((block, index) =>
      isPlainObject(block) && block.block_name === 'webhook' ? [index] : [],
    );
    const [only, ...more] = webhookIndexes;
    if (only === undefined || more.length > 0) {
      return {
        status: 'invalid',
        problems: locate(text, tree, [
          {
            path: ['blocks'],
            message:
              only === undefined
                ? 'This workflow has no webhook block to import.'
                : `This workflow has ${webhookIndexes.length} webhook blocks; import one block's specs instead.`,
          },
        ]),
      };
    }
    prefix = ['blocks', only, 'specs'];
    note = 'Took the specs of the workflow’s webhook block.';
  }
  let target: unknown = value;
  for (const part of prefix) {
    target =
      isPlainObject(target) || Array.isArray(target)
        ? (target as Record<string | number, unknown>)[part]
        : undefined;
  }
  const duplicates = duplicateKeyProblems(
    text,
    tree ? findNodeAtLocation(tree, [...prefix, 'input_schema']) : undefined,
  );
  const spec = parseWebhookSpec(target);
  if (!spec.success) {
    return {
      status: 'invalid',
      problems: [...locate(text, tree, spec.issues, prefix), ...duplicates],
    };
  }
  if (duplicates.length > 0) return { status: 'invalid', problems: duplicates };
  return { status: 'ok', model: spec.data, ...(note ? { note } : {}) };
}

const indent = (json: string, by: string): string => json.replaceAll('\n', `\n${by}`);

/**
 * The spec as the JSON editor shows it: the full field-schema form, pretty printed. Unlike
 * `JSON.stringify(specModelToWebhookSpec(model))` it keeps columns with the same name, so
 * the JSON never hides a row the form still has (the editor then marks the duplicate key).
 * Without duplicates the two texts are identical.
 */
export function specModelToText(model: SpecModel): string {
  const columns = model.columns.map((column) => {
    const field = {
      type: column.type,
      ...(column.description === '' ? {} : { description: column.description }),
      required: column.required,
    };
    return `    ${JSON.stringify(column.name)}: ${indent(JSON.stringify(field, null, 2), '    ')}`;
  });
  const inputSchema = columns.length === 0 ? '{}' : `{\n${columns.join(',\n')}\n  }`;
  const lines = [`  "input_schema": ${inputSchema}`];
  if (model.webhook_input !== undefined) {
    lines.push(`  "webhook_input": ${JSON.stringify(model.webhook_input)}`);
  }
  if (model.dataframe_type !== undefined) {
    lines.push(`  "dataframe_type": ${JSON.stringify(model.dataframe_type)}`);
  }
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** The same spec, compared field by field (column order matters). */
export function sameSpecModel(a: SpecModel, b: SpecModel): boolean {
  if (a.dataframe_type !== b.dataframe_type || a.webhook_input !== b.webhook_input) return false;
  if (a.columns.length !== b.columns.length) return false;
  return a.columns.every((column, index) => {
    const other = b.columns[index];
    return (
      other !== undefined &&
      column.name === other.name &&
      column.type === other.type &&
      column.required === other.required &&
      column.description === other.description
    );
  });
}

/**
 * Where the model's issues sit in the editor's text: a column's issue on its key (the
 * column's position among input_schema's keys, so duplicates land right), webhook_input's
 * on its value.
 */
export function locateModelIssues(
  text: string,
  issues: readonly SpecModelIssue[],
): (TextProblem & { severity: 'error' | 'warning' })[] {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!tree || errors.length > 0) return [];
  const schemaNode = findNodeAtLocation(tree, ['input_schema']);
  return issues.flatMap((issue) => {
    let node: JsonNode | undefined;
    const [head, index] = issue.path;
    if (head === 'columns' && typeof index === 'number') {
      node = schemaNode?.children?.[index]?.children?.[0];
    } else if (head === 'webhook_input') {
      node = findNodeAtLocation(tree, ['webhook_input']);
    }
    if (!node) return [];
    return [
      {
        ...problemAt(text, issue.message, node.offset, node.offset + node.length),
        severity: issue.severity,
      },
    ];
  });
}

import { columnNameProblem, findDuplicateColumns } from './column-name.ts';
import { parseWebhookSpec, type SpecIssue, type SpecModel } from './webhook-spec.ts';
import { errorMessage } from '../error-message.ts';

export type SpecModelIssue = SpecIssue & { severity: 'error' | 'warning' };

/**
 * Everything wrong with a spec model that its schema cannot say alone: column name rules,
 * duplicate names (naming the column each clashes with) and an unreadable `webhook_input`.
 * Paths point into the model (`['columns', 2, 'name']`).
 */
export function specModelIssues(model: SpecModel): SpecModelIssue[] {
  const issues: SpecModelIssue[] = [];
  const duplicates = findDuplicateColumns(model.columns.map((column) => column.name));
  model.columns.forEach((column, index) => {
    const problem = columnNameProblem(column.name);
    if (problem) {
      issues.push({ path: ['columns', index, 'name'], ...problem });
    }
    const clash = duplicates[index];
    if (clash !== undefined) {
      const other = model.columns[clash]?.name ?? '';
      const exact = other === column.name;
      issues.push({
        path: ['columns', index, 'name'],
        severity: 'error',
        message: exact
          ? `Column ${index + 1} has the same name as column ${clash + 1}; rename one of them.`
          : `Column ${index + 1} clashes with column ${clash + 1} "${other}": names are compared ignoring case and Unicode form; rename one of them.`,
      });
    }
  });
  if (model.webhook_input !== undefined && model.webhook_input.trim() !== '') {
    try {
      JSON.parse(model.webhook_input);
    } catch (error) {
      issues.push({
        path: ['webhook_input'],
        severity: 'error',
        message: `webhook_input is not valid JSON: ${errorMessage(error)}`,
      });
    }
  }
  return issues;
}

export type SpecValidation =
  | { success: true; data: SpecModel; warnings: SpecModelIssue[] }
  | { success: false; issues: SpecIssue[] };

/**
 * Reads and fully checks a webhook block spec as the sandbox does at create and update:
 * shape, types and the column name rules. Warnings do not make it invalid.
 */
export function validateWebhookSpec(input: unknown): SpecValidation {
  const parsed = parseWebhookSpec(input);
  if (!parsed.success) return parsed;
  const issues = specModelIssues(parsed.data).map((issue) =>
    // Model paths name columns by position; on the wire a column is named by its key.
    issue.path[0] === 'columns' && typeof issue.path[1] === 'number'
      ? { ...issue, path: ['input_schema', parsed.data.columns[issue.path[1]]?.name ?? ''] }
      : issue,
  );
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) return { success: false, issues: errors };
  return { success: true, data: parsed.data, warnings: issues };
}

import type { Finding, Severity } from '@core/judge/judgement.ts';
import type { FieldType } from '@core/spec/field-type.ts';
import type { PreviewCell } from '@web/workers/judge-protocol.ts';
import { messageWithoutPlace } from './summary-text.ts';

/** A cell's findings by row and column: built once per judgement, read per rendered cell. */
export type CellFindings = ReadonlyMap<string, Finding>;

const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The key of one cell; NUL cannot start a row number, so no two cells share a key. */
export const cellKey = (row: number, column: string): string => `${String(row)}\u0000${column}`;

/**
 * The judge's findings about single cells (a row and a column), the most severe kept per
 * cell (the first found among equals). One pass over the findings the judgement holds.
 */
export function indexCellFindings(findings: readonly Finding[]): CellFindings {
  const byCell = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.row === null || finding.column === null) continue;
    const key = cellKey(finding.row, finding.column);
    const known = byCell.get(key);
    if (!known || RANK[finding.severity] < RANK[known.severity]) byCell.set(key, finding);
  }
  return byCell;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * What is wrong with one cell, in words that start with its column ("employees: expected
 * an integer, …"): the judge's finding when it kept one for the cell, else (past the
 * judge's 1,000 findings a kind) what the cell's state says. Undefined for a fine cell.
 */
export function cellProblem(
  column: string,
  cell: PreviewCell,
  declaredType: FieldType | undefined,
  finding: Finding | undefined,
): { severity: Severity; text: string } | undefined {
  if (finding) {
    const message = lowerFirst(messageWithoutPlace(finding)).replace(/\.$/, '');
    return { severity: finding.severity, text: `${column}: ${message}` };
  }
  switch (cell.state) {
    case 'error':
      return {
        severity: 'error',
        text: `${column}: required column is ${cell.text === 'null' ? 'null' : 'missing'}`,
      };
    case 'warning':
      return {
        severity: 'warning',
        text: `${column}: wrong type${declaredType === undefined ? '' : `, expected ${declaredType}`}`,
      };
    default:
      return undefined;
  }
}

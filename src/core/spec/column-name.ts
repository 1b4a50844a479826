import { COLUMN_NAME_MAX_LENGTH } from '../limits.ts';

export type ColumnNameProblem = {
  severity: 'error' | 'warning';
  message: string;
};

/**
 * Bidi controls that can make a name read differently from what it is (Trojan Source,
 * CVE-2021-42574): embeddings, overrides, isolates and the implicit marks.
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
const CONTROL = /\p{Cc}/u;

const codePointLabel = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Length in Unicode code points, as Sixtyfour's Python API counts `len(name)`; an emoji is
 * one, a flag or a family emoji several.
 */
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points are the unit here, on purpose.
export const columnNameLength = (name: string): number => [...name.trim()].length;

/**
 * What is wrong with a column name, if anything (contract, "Column names"). Names such as
 * `__proto__` or `constructor` are ordinary names.
 */
export function columnNameProblem(name: string): ColumnNameProblem | undefined {
  const length = columnNameLength(name);
  if (length === 0) {
    return { severity: 'error', message: 'Column name is empty. Type a name.' };
  }
  if (length > COLUMN_NAME_MAX_LENGTH) {
    return {
      severity: 'error',
      message: `Column name is ${length} characters long; shorten it to ${COLUMN_NAME_MAX_LENGTH} or fewer.`,
    };
  }
  const control = CONTROL.exec(name);
  if (control) {
    return {
      severity: 'error',
      message: `Column name contains the control character ${codePointLabel(control[0])} at position ${control.index + 1}; remove it.`,
    };
  }
  const bidi = BIDI_CONTROLS.exec(name);
  if (bidi) {
    return {
      severity: 'error',
      message: `Column name contains the bidirectional control ${codePointLabel(bidi[0])} at position ${bidi.index + 1}, which can make it display as something else; remove it.`,
    };
  }
  if (name !== name.trim()) {
    return {
      severity: 'warning',
      message:
        'Column name starts or ends with spaces; payload keys must match it exactly, spaces included.',
    };
  }
  return undefined;
}

/**
 * The key under which two names count as the same column: trimmed, Unicode NFC, and case
 * folded (upper then lower case, so "ß" and "SS" meet, as do "σ" and "ς").
 */
export function columnNameKey(name: string): string {
  return name.normalize('NFC').trim().toUpperCase().toLowerCase().normalize('NFC');
}

/**
 * For each name that clashes with an earlier one, the index of that earlier name.
 * The result is indexed like `names`; `undefined` where there is no clash.
 */
export function findDuplicateColumns(names: readonly string[]): (number | undefined)[] {
  const firstByKey = new Map<string, number>();
  return names.map((name, index) => {
    const key = columnNameKey(name);
    if (key === '') return undefined;
    const first = firstByKey.get(key);
    if (first !== undefined) return first;
    firstByKey.set(key, index);
    return undefined;
  });
}

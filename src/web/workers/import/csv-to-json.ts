import Papa from 'papaparse';
import type { FieldType } from '@core/spec/field-type.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { coerceCell } from './coerce-cell.ts';
import { type ConversionResult, plural, rowsToJsonText, setOwn } from './conversion.ts';

const MAX_PARSE_NOTES = 5;

/** Header names as columns: trimmed, blanks named by position, repeats numbered. */
function readHeaders(raw: readonly string[], notes: string[]): string[] {
  const seen = new Map<string, number>();
  const renamed: string[] = [];
  const headers = raw.map((cell, index) => {
    let name = cell.trim();
    if (name === '') {
      name = `column_${index + 1}`;
      renamed.push(`column ${index + 1} had no header and is named ${name}`);
    }
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count > 1) {
      const unique = `${name}_${count}`;
      renamed.push(`the header ${name} repeats, so column ${index + 1} is named ${unique}`);
      name = unique;
    }
    return name;
  });
  if (renamed.length > 0) notes.push(`Renamed headers: ${renamed.join('; ')}.`);
  return headers;
}

function describeCounts(counts: Map<string, number>, types: Map<string, FieldType>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => {
      const type = types.get(name);
      return `${name}${type ? ` (${type})` : ''} ×${count.toLocaleString('en-US')}`;
    })
    .join(', ');
}

const total = (counts: Map<string, number>): number =>
  [...counts.values()].reduce((sum, count) => sum + count, 0);

const bump = (counts: Map<string, number>, name: string): void => {
  counts.set(name, (counts.get(name) ?? 0) + 1);
};

/**
 * A CSV file as JSON rows: headers become column names, cells are typed by the spec's
 * column types, and the notes say what was converted, kept as text or left out.
 */
export function csvToJson(text: string, spec: SpecModel): ConversionResult {
  const parsed = Papa.parse<string[]>(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, {
    header: false,
    skipEmptyLines: 'greedy',
  });
  const [headerRow, ...body] = parsed.data;
  if (!headerRow || headerRow.every((cell) => cell.trim() === '')) {
    return { ok: false, message: 'The CSV file has no header row, so its columns have no names.' };
  }
  const notes: string[] = [];
  const headers = readHeaders(headerRow, notes);
  const types = new Map<string, FieldType>(
    spec.columns.map((column) => [column.name, column.type]),
  );
  const converted = new Map<string, number>();
  const kept = new Map<string, number>();
  let empty = 0;
  let ragged = 0;

  const rows = body.map((cells) => {
    const row: Record<string, unknown> = {};
    if (cells.length !== headers.length) ragged += 1;
    headers.forEach((name, index) => {
      const cell = coerceCell(cells[index] ?? '', types.get(name));
      switch (cell.kind) {
        case 'empty':
          empty += 1;
          return;
        case 'converted':
          bump(converted, name);
          break;
        case 'kept':
          bump(kept, name);
          break;
        case 'text':
          break;
      }
      setOwn(row, name, cell.value);
    });
    return row;
  });

  if (rows.length === 0) {
    return { ok: false, message: 'The CSV file has a header row but no rows of data.' };
  }
  if (converted.size > 0) {
    notes.push(
      `Converted ${plural(total(converted), 'cell')} from text: ${describeCounts(converted, types)}.`,
    );
  }
  if (kept.size > 0) {
    notes.push(
      `Kept ${plural(total(kept), 'cell')} as text that did not read as the column's type: ${describeCounts(kept, types)}.`,
    );
  }
  if (empty > 0) {
    notes.push(`Left out ${plural(empty, 'empty cell')}: those rows have no key for that column.`);
  }
  if (ragged > 0) {
    notes.push(
      `${plural(ragged, 'row')} had a different number of cells than the header (${headers.length}); missing cells were left out, extra cells dropped.`,
    );
  }
  const problems = parsed.errors.filter(
    (error) => error.code !== 'TooFewFields' && error.code !== 'TooManyFields',
  );
  for (const error of problems.slice(0, MAX_PARSE_NOTES)) {
    const where = error.row === undefined ? '' : `Row ${error.row + 1}: `;
    notes.push(`${where}${error.message}.`);
  }
  return { ok: true, text: rowsToJsonText(rows), rowCount: rows.length, notes };
}

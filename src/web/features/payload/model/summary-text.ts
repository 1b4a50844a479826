import type { Judgement } from '@core/judge/judgement.ts';

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** "2 errors · 1 warning · 1 advisory column": the counts the status line leads with. */
export function countsLine(judgement: Judgement): string {
  const { errors, warnings, byKind } = judgement.totals;
  return [
    count(errors, 'error'),
    count(warnings, 'warning'),
    count(byKind.advisory_column, 'advisory column'),
  ].join(' · ');
}

/** The verdict in words, as the API would give it. */
export function verdictLine(judgement: Judgement): string {
  if (judgement.verdict === 'accepted') {
    const rows = judgement.summary.rowCount;
    return `The API would accept this payload (${count(rows, 'row')}).`;
  }
  const rejection = judgement.rejection;
  return rejection
    ? `The API would reject this payload: ${rejection.message} (HTTP ${rejection.status})`
    : 'The API would reject this payload.';
}

/** "Row 3 · email", "Payload" for findings about the whole payload. */
export function findingPlace(finding: { row: number | null; column: string | null }): string {
  const row = finding.row === null ? 'Payload' : `Row ${(finding.row + 1).toLocaleString('en-US')}`;
  return finding.column === null ? row : `${row} · ${finding.column}`;
}

const units = ['bytes', 'KB', 'MB', 'GB'] as const;

/** 3.2 MB, 812 KB: sizes as people read them (1 KB = 1,024 bytes, as the limits count). */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit] ?? 'bytes'}`;
}

/** The message without a leading "Row 3 · email: " when the list shows the place already. */
export function messageWithoutPlace(finding: {
  row: number | null;
  column: string | null;
  message: string;
}): string {
  const prefix = `${findingPlace(finding)}: `;
  if (!finding.message.startsWith(prefix)) return finding.message;
  const rest = finding.message.slice(prefix.length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

import type { InboxCause } from '@core/wire/inbox.ts';

const dateTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A recorded time for people. */
export function formatReceivedAt(value: string): string {
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : dateTime.format(time);
}

/** "missing_required_column" → "missing required column". */
export const causeLabel = (cause: InboxCause): string => cause.replaceAll('_', ' ');

export const causesText = (causes: readonly InboxCause[]): string =>
  causes.length === 0 ? '—' : causes.map(causeLabel).join(', ');

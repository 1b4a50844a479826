import { describe, expect, it } from 'vitest';
import type { InboxLocatedFinding } from '@core/wire/inbox.ts';
import { inboxFindingsToMarkers } from './findings-to-markers.ts';

const finding = (overrides: Partial<InboxLocatedFinding>): InboxLocatedFinding => ({
  kind: 'missing_required',
  severity: 'error',
  row: 0,
  column: 'company_name',
  pointer: '/0',
  message: 'Row 1 lacks company_name.',
  position: { offset: 20, length: 5, line: 1, column: 21 },
  ...overrides,
});

describe('inboxFindingsToMarkers', () => {
  it('marks located errors and warnings at their offsets in the body', () => {
    expect(
      inboxFindingsToMarkers([
        finding({}),
        finding({ severity: 'warning', position: { offset: 3, length: 0, line: 1, column: 4 } }),
      ]),
    ).toEqual([
      { startOffset: 20, endOffset: 25, message: 'Row 1 lacks company_name.', severity: 'error' },
      { startOffset: 3, endOffset: 4, message: 'Row 1 lacks company_name.', severity: 'warning' },
    ]);
  });

  it('leaves out findings without a place in the body, and info', () => {
    expect(
      inboxFindingsToMarkers([finding({ position: null }), finding({ severity: 'info' })]),
    ).toEqual([]);
  });
});

import { parsePointer } from '@core/judge/json-pointer.ts';
import { lineColumnAt, lineStarts } from '@core/judge/line-column.ts';
import { locateValue } from '@core/judge/locate-value.ts';
import type { InboxFinding, InboxLocatedFinding } from '@core/wire/inbox.ts';
import type { StoredInboxEntry } from '../store/inbox-store.ts';

/**
 * Where the judge's findings are in the recorded body: each finding's pointer names a value
 * in `webhook_payload`, found in the body's text with the judge's own locator. Found when the
 * entry is read, not when it is recorded, so recording costs nothing for it. A finding about
 * the workflow's webhook_input, or in a cut body, has no position.
 */
export function locateInboxFindings(
  entry: Pick<StoredInboxEntry, 'findings_source' | 'body_truncated' | 'findings'>,
  body: string | null,
): InboxLocatedFinding[] {
  const unplaced = (finding: InboxFinding): InboxLocatedFinding => ({ ...finding, position: null });
  if (body === null || entry.body_truncated || entry.findings_source !== 'webhook_payload') {
    return entry.findings.map(unplaced);
  }
  const start = body.charCodeAt(0) === 0xfeff ? 1 : 0;
  let starts: number[] | undefined;
  return entry.findings.map((finding) => {
    let range: { offset: number; length: number } | undefined;
    try {
      range = locateValue(body, start, ['webhook_payload', ...parsePointer(finding.pointer)]);
    } catch {
      // A body the locator cannot walk (it was refused as malformed): no position.
      range = undefined;
    }
    if (range === undefined) return unplaced(finding);
    starts ??= lineStarts(body);
    return { ...finding, position: { ...range, ...lineColumnAt(starts, range.offset) } };
  });
}

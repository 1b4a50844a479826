import { useId, useMemo } from 'react';
import { parseWebhookSpec } from '@core/spec/webhook-spec.ts';
import { effectiveRows } from '../model/effective-columns.ts';
import { findWebhookSpecs } from '../model/workflow-draft.ts';
import type { WorkflowGraph } from '@core/wire/workflow.ts';

export type WebhookBlockDiffProps = {
  /** The workflow as stored on the target. */
  stored: WorkflowGraph | null | undefined;
  /** The webhook specs the dialog would write. */
  next: Record<string, unknown> | undefined;
  targetLabel: string;
};

/** One line per changed field: `website.required: false → true`, `phone: removed`. */
function diffLines(stored: Record<string, unknown>, next: Record<string, unknown>): string[] {
  const model = parseWebhookSpec(next);
  if (!model.success) return [];
  const rows = effectiveRows(stored, undefined, {
    success: true,
    specs: next,
    model: model.data,
    keys: [],
  });
  return rows.flatMap((row) => {
    if (row.kind === 'column' && row.state === 'added') return [`${row.name}: added`];
    if (row.kind === 'column' && row.state === 'dropped') return [`${row.name}: removed`];
    return row.changes.map((change) => `${change.path}: ${change.from} → ${change.to}`);
  });
}

/**
 * Before an update writes: what changes in the webhook block against what the target stores,
 * field by field. Nothing is shown for a new workflow.
 */
export function WebhookBlockDiff({ stored, next, targetLabel }: WebhookBlockDiffProps) {
  const titleId = useId();
  const storedSpecs = findWebhookSpecs(stored);
  const lines = useMemo(
    () => (storedSpecs && next ? diffLines(storedSpecs, next) : []),
    [storedSpecs, next],
  );
  if (!storedSpecs || !next) return null;
  return (
    <section className="runs-form__field" aria-labelledby={titleId}>
      <h3 id={titleId} className="field-label">
        Changes to the webhook block on {targetLabel}
      </h3>
      {lines.length === 0 ? (
        <p className="section-hint">None: the webhook block stays as stored.</p>
      ) : (
        <ul className="downstream__list">
          {lines.map((line) => (
            <li key={line}>
              <code>{line}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

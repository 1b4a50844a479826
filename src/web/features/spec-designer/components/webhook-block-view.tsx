import { useId, useMemo } from 'react';
import { toWebhookBlock } from '@core/spec/webhook-block.ts';
import { type SpecModel, specModelToWebhookSpec } from '@core/spec/webhook-spec.ts';
import { CopyButton } from '@web/components/ui/copy-button.tsx';

/** The complete webhook block as it stands in a workflow graph, ready to paste. */
export function WebhookBlockView({ model, errorCount }: { model: SpecModel; errorCount: number }) {
  const id = useId();
  const text = useMemo(
    () => JSON.stringify(toWebhookBlock(specModelToWebhookSpec(model)), null, 2),
    [model],
  );
  return (
    <section className="panel panel--block" aria-labelledby={`${id}-title`}>
      <header className="panel__header">
        <h2 className="panel__title" id={`${id}-title`}>
          Webhook block
        </h2>
        <CopyButton label="Copy block" getText={() => text} />
      </header>
      {errorCount > 0 && (
        <p className="notice notice--warning">
          The spec has {errorCount} {errorCount === 1 ? 'problem' : 'problems'}; Sixtyfour will
          reject this block until {errorCount === 1 ? 'it is' : 'they are'} fixed.
        </p>
      )}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
      <pre className="code-block" role="group" aria-labelledby={`${id}-title`} tabIndex={0}>
        <code>{text}</code>
      </pre>
    </section>
  );
}

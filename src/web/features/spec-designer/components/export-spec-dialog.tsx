import { useMemo } from 'react';
import { specModelIssues } from '@core/spec/spec-issues.ts';
import { type SpecModel, specModelToWebhookSpec } from '@core/spec/webhook-spec.ts';
import { CopyButton } from '@web/components/ui/copy-button.tsx';
import { Dialog } from '@web/components/ui/dialog.tsx';
import { Icon } from '@web/components/ui/icon.tsx';
import { downloadText, jsonFileName } from '@web/lib/download.ts';

export type ExportSpecDialogProps = {
  open: boolean;
  model: SpecModel;
  title: string;
  onClose: () => void;
};

/** The spec in the full form Sixtyfour stores, to copy or download. */
export function ExportSpecDialog({ open, model, title, onClose }: ExportSpecDialogProps) {
  const text = useMemo(
    () => `${JSON.stringify(specModelToWebhookSpec(model), null, 2)}\n`,
    [model],
  );
  const errorCount = useMemo(
    () => specModelIssues(model).filter((issue) => issue.severity === 'error').length,
    [model],
  );
  const fileName = jsonFileName(title);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Export spec"
      description="The webhook block's specs in full form, as Sixtyfour stores them."
      size="large"
    >
      {errorCount > 0 && (
        <p className="notice notice--warning">
          This spec has {errorCount} {errorCount === 1 ? 'problem' : 'problems'}; Sixtyfour will
          reject it until {errorCount === 1 ? 'it is' : 'they are'} fixed. Columns with the same
          name appear once.
        </p>
      )}
      <pre
        className="code-block code-block--dialog"
        role="group"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        aria-label="Spec to export"
      >
        <code>{text}</code>
      </pre>
      <div className="dialog__actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
        <CopyButton label="Copy spec" getText={() => text} />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            downloadText(fileName, text);
          }}
        >
          <Icon name="download" />
          Download {fileName}
        </button>
      </div>
    </Dialog>
  );
}

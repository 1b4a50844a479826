import { useState } from 'react';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { Icon } from '@web/components/ui/icon.tsx';
import { ExportSpecDialog } from './export-spec-dialog.tsx';
import { ImportSpecDialog } from './import-spec-dialog.tsx';

export type SpecFileActionsProps = {
  model: SpecModel;
  /** Names the downloaded file. */
  title: string;
  /** A spec read from a paste or a file; the caller decides where it goes. */
  onImport: (model: SpecModel, suggestedName: string) => void;
  importHint: string;
};

/** "Import spec" and "Export spec", each opening its dialog. */
export function SpecFileActions({ model, title, onImport, importHint }: SpecFileActionsProps) {
  const [open, setOpen] = useState<'import' | 'export' | undefined>();
  return (
    <div className="file-actions">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setOpen('import');
        }}
      >
        <Icon name="upload" />
        Import spec
      </button>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          setOpen('export');
        }}
      >
        <Icon name="download" />
        Export spec
      </button>
      <ImportSpecDialog
        open={open === 'import'}
        hint={importHint}
        onClose={() => {
          setOpen(undefined);
        }}
        onImport={(imported, name) => {
          onImport(imported, name);
          setOpen(undefined);
        }}
      />
      <ExportSpecDialog
        open={open === 'export'}
        model={model}
        title={title}
        onClose={() => {
          setOpen(undefined);
        }}
      />
    </div>
  );
}

import { MenuButton } from '@web/components/ui/menu-button.tsx';
import { ImportPayloadButton } from './import-payload-button.tsx';

export type PayloadToolbarProps = {
  importing: boolean;
  canInfer: boolean;
  canAddColumns: boolean;
  canSave: boolean;
  canLoad: boolean;
  onImport: (file: File) => void;
  onExport: () => void;
  onInfer: () => void;
  onSave: () => void;
  onLoad: () => void;
};

/**
 * What can be done with the sample payload as a whole, on one line in the payload pane at
 * 1280 px beside its title and status: importing and inferring as buttons, the rest under
 * "More actions".
 */
export function PayloadToolbar(props: PayloadToolbarProps) {
  return (
    <div className="payload__actions" role="toolbar" aria-label="Sample payload actions">
      <ImportPayloadButton onFile={props.onImport} busy={props.importing} />
      <button
        type="button"
        className="button button--secondary"
        disabled={!props.canInfer || !props.canAddColumns}
        onClick={props.onInfer}
      >
        Infer columns
      </button>
      <MenuButton
        // Shown as "More"; its accessible name (and its menu's) stays "More actions".
        label={
          <>
            More<span className="visually-hidden"> actions</span>
          </>
        }
        actions={[
          { label: 'Export JSON', onSelect: props.onExport },
          { label: 'Save as webhook_input', disabled: !props.canSave, onSelect: props.onSave },
          { label: 'Load webhook_input', disabled: !props.canLoad, onSelect: props.onLoad },
        ]}
      />
    </div>
  );
}

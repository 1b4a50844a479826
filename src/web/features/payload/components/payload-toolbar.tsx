import { Icon } from '../../../components/ui/icon.tsx';
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

/** What can be done with the sample payload as a whole. */
export function PayloadToolbar(props: PayloadToolbarProps) {
  return (
    <div className="payload__actions" role="toolbar" aria-label="Sample payload actions">
      <ImportPayloadButton onFile={props.onImport} busy={props.importing} />
      <button type="button" className="button button--secondary" onClick={props.onExport}>
        <Icon name="download" />
        Export JSON
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!props.canInfer || !props.canAddColumns}
        onClick={props.onInfer}
      >
        Infer columns
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!props.canSave}
        onClick={props.onSave}
      >
        Save as webhook_input
      </button>
      <button
        type="button"
        className="button button--secondary"
        disabled={!props.canLoad}
        onClick={props.onLoad}
      >
        Load webhook_input
      </button>
    </div>
  );
}

import { Dialog } from '@web/components/ui/dialog.tsx';
import type { ReplaceRequest } from '../hooks/use-payload-replace.ts';

/** Asks before a load or import replaces a payload that has the user's own edits. */
export function ReplacePayloadDialog({ request }: { request: ReplaceRequest | undefined }) {
  return (
    <Dialog
      open={request !== undefined}
      onClose={() => {
        request?.answer(false);
      }}
      title="Replace the sample payload?"
      description={
        request && (
          <>
            The payload has edits that did not come from a load or import. Replacing it with{' '}
            {request.label} sets them aside; “Undo” afterwards brings them back.
          </>
        )
      }
    >
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => {
            request?.answer(false);
          }}
        >
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            request?.answer(true);
          }}
        >
          Replace
        </button>
      </div>
    </Dialog>
  );
}

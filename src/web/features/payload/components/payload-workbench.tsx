import type { ReactNode, Ref } from 'react';
import type { Column, SpecModel } from '@core/spec/webhook-spec.ts';
import { PayloadSession, type PayloadSessionHandle } from './payload-session.tsx';
import './payload.css';

export type PayloadWorkbenchProps = {
  /** The effective spec the payload is judged against. */
  spec: SpecModel;
  /** A new key starts a new editor (another draft, or the stored payload taken anew). */
  sessionKey: string;
  /**
   * The stored payload to start from (undefined: none stored, start from webhook_input);
   * loading while it is still being read.
   */
  storedText: { loading: true } | { loading: false; text: string | undefined };
  /** Each edit in the editor, cheaply (no text): on screen is no longer what is stored. */
  onEdit?: () => void;
  /** Given how to read the editor's text now; returns how to take it back. */
  registerReader?: (read: () => string | undefined) => () => void;
  /** The draft's name, for the exported file ("Leads" → leads-payload.json). */
  draftName?: string;
  /** Columns the user chose to add from "Infer columns"; never existing ones. */
  onAddColumns?: (columns: Column[]) => void;
  /** "Save as webhook_input": the editor's text, to become the spec's `webhook_input`. */
  onSaveWebhookInput?: (text: string) => void;
  /** The payload's text each time it is judged (debounced while typing), e.g. for a run. */
  onTextChange?: (text: string) => void;
  /** Names the spec judged against, in the header. */
  headerNote?: ReactNode;
  /** Beside the problems: e.g. that the form differs from the spec judged against. */
  problemsNote?: ReactNode;
  /** Puts a payload in the editor (the inbox's "Open as sample"). */
  ref?: Ref<PayloadSessionHandle>;
};

/** The sample payload: write or import one and see it judged as the API would, row by row. */
export function PayloadWorkbench({
  spec,
  sessionKey,
  storedText,
  onEdit,
  registerReader,
  draftName,
  onAddColumns,
  onSaveWebhookInput,
  onTextChange,
  headerNote,
  problemsNote,
  ref,
}: PayloadWorkbenchProps) {
  if (storedText.loading) {
    return (
      <section className="panel payload" aria-labelledby="sample-payload-title">
        <header className="panel__header payload__header">
          <h2 className="panel__title" id="sample-payload-title">
            Sample payload
          </h2>
        </header>
        <p className="payload__loading" role="status">
          Reading the saved payload…
        </p>
      </section>
    );
  }
  return (
    <PayloadSession
      key={sessionKey}
      spec={spec}
      storedText={storedText.text}
      onEdit={onEdit}
      registerReader={registerReader}
      draftName={draftName}
      onAddColumns={onAddColumns}
      onSaveWebhookInput={onSaveWebhookInput}
      onTextChange={onTextChange}
      headerNote={headerNote}
      problemsNote={problemsNote}
      ref={ref}
    />
  );
}

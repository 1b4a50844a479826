import type { ReplacedPayload } from '../hooks/use-payload-replace.ts';

/** After a load or import replaced the payload: what replaced it, and the way back. */
export function ReplacedNotice({
  replaced,
  onUndo,
  onDismiss,
}: {
  replaced: ReplacedPayload | undefined;
  onUndo: () => void;
  onDismiss: () => void;
}) {
  if (!replaced) return null;
  return (
    <div
      className="notice notice--info payload__notice"
      role="status"
      aria-label="Payload replaced"
    >
      <p className="payload__notice-text">Replaced the payload with {replaced.label}.</p>
      <button type="button" className="button button--secondary button--small" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="link-button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

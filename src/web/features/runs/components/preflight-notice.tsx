import { findingPlace } from '../model/prepare-run.ts';
import type { Rejected } from '../hooks/use-run-launcher.ts';

/** "Not sent": why the preflight stopped the run, where, and "Send anyway". */
export function PreflightNotice({
  rejected,
  canSend,
  onSendAnyway,
  onDismiss,
}: {
  rejected: Rejected;
  canSend: boolean;
  onSendAnyway: () => void;
  onDismiss: () => void;
}) {
  return (
    <div className="notice notice--error runs-preflight" role="alert">
      <p>
        <strong>Not sent. </strong>
        {rejected.message}
      </p>
      {rejected.findings.length > 0 && (
        <ul>
          {rejected.findings.map((finding, index) => (
            // Findings of one preflight, in the judge's order.
            <li key={index}>
              <strong>{findingPlace(finding)}</strong>
              {finding.pointer === '' ? (
                ''
              ) : (
                <code className="runs-preflight__pointer">{finding.pointer}</code>
              )}
              : {finding.message}
            </li>
          ))}
        </ul>
      )}
      <div className="runs-preflight__actions">
        {rejected.body && (
          <button
            type="button"
            className="button button--secondary"
            disabled={!canSend}
            onClick={onSendAnyway}
          >
            Send anyway
          </button>
        )}
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

import { useId, useState } from 'react';
import { Icon } from '@web/components/ui/icon.tsx';
import { useAnnounce } from '@web/components/ui/live-region.tsx';
import type { DraftsApi } from '../hooks/use-drafts.ts';
import './drafts.css';

/**
 * Whether what is on screen is what is stored: "Saved in this browser" only then. When
 * another tab saved this draft differently, says so and offers the ways out, none of which
 * loses either version.
 */
export function DraftStatus({ drafts }: { drafts: DraftsApi }) {
  const status = drafts.saveStatus;
  if (status.kind === 'failed') {
    return (
      <p className="save-status save-status--failed" role="alert">
        <Icon name="alert" />
        <span>Not saved. {status.message}</span>
        <button type="button" className="link-button" onClick={drafts.retrySave}>
          Try again
        </button>
      </p>
    );
  }
  if (status.kind === 'conflict') return <ConflictStatus drafts={drafts} />;
  return (
    <p className="save-status" role="status" aria-label="Draft status">
      {status.kind === 'pending' ? (
        'Saving…'
      ) : (
        <>
          <Icon name="check" />
          Saved in this browser
        </>
      )}
    </p>
  );
}

function ConflictStatus({ drafts }: { drafts: DraftsApi }) {
  const announce = useAnnounce();
  const listId = useId();
  const [showDifference, setShowDifference] = useState(false);
  const conflict = drafts.conflict;
  const deleted = conflict?.theirs === undefined;
  return (
    <div className="draft-conflict" role="status" aria-label="Draft status">
      <p className="draft-conflict__text">
        <Icon name="alert" />
        <strong>Changed in another tab. </strong>
        {deleted
          ? 'The other tab deleted this draft; what you see here is not stored.'
          : 'Your edits here are kept on screen and not saved over theirs until you choose.'}
      </p>
      <div className="draft-conflict__actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            drafts.takeTheirs();
            announce(deleted ? 'Opened another draft.' : 'Took the version from the other tab.');
          }}
        >
          Take theirs
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            const kept = drafts.keepMineAsNew();
            if (kept) announce(`Kept your version as a new draft, ${kept.name}.`);
          }}
        >
          Keep mine as a new draft
        </button>
        <button
          type="button"
          className="link-button"
          aria-expanded={showDifference}
          aria-controls={listId}
          onClick={() => {
            setShowDifference((value) => !value);
          }}
        >
          {showDifference ? 'Hide the difference' : 'Show the difference'}
        </button>
      </div>
      <ul id={listId} className="draft-conflict__diff" hidden={!showDifference}>
        {(conflict?.differences.length ?? 0) === 0 ? (
          <li>Only the time of saving differs.</li>
        ) : (
          conflict?.differences.map((line) => <li key={line}>{line}</li>)
        )}
      </ul>
    </div>
  );
}

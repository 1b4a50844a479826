import { useState } from 'react';
import { readLocal, writeLocal } from '../lib/storage/local-store.ts';

const GUIDE_KEY = 'inlet:guide-dismissed';

export function useFirstRunGuide(): { shown: boolean; hide: () => void; show: () => void } {
  const [shown, setShown] = useState(() => readLocal(GUIDE_KEY) !== 'yes');
  return {
    shown,
    hide: () => {
      setShown(false);
      writeLocal(GUIDE_KEY, 'yes');
    },
    show: () => {
      setShown(true);
      writeLocal(GUIDE_KEY, 'no');
    },
  };
}

/** Three steps for a first visit; hidden for good once dismissed (the palette brings it back). */
export function FirstRunGuide({ onHide }: { onHide: () => void }) {
  return (
    <section className="guide" aria-label="Getting started">
      <ol className="guide__steps">
        <li>
          <strong>Design the spec:</strong> add the columns your webhook sends, or start from an
          example.
        </li>
        <li>
          <strong>Check a sample:</strong> paste or import a payload and fix what the judge finds.
        </li>
        <li>
          <strong>Run it:</strong> save the workflow, then “Run test” (Ctrl+Enter). Ctrl+K finds
          every action.
        </li>
      </ol>
      <button type="button" className="button button--secondary button--small" onClick={onHide}>
        Hide this guide
      </button>
    </section>
  );
}

import { useId } from 'react';
import type { RunRequestDescription } from '@core/snippets/run-request.ts';
import { Icon } from '@web/components/ui/icon.tsx';
import { CopyRequest } from './copy-request.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Run test" with its shortcut, "Also save JSON" and the copy-as-request buttons. */
export function RunFireBar({
  canRun,
  sending,
  onRun,
  saveJson,
  onSaveJsonChange,
  describe,
  canReveal,
  keyHint,
}: {
  canRun: boolean;
  sending: boolean;
  onRun: () => void;
  saveJson: boolean;
  onSaveJsonChange: (saveJson: boolean) => void;
  /** Absent while no workflow is open: nothing to copy yet. */
  describe: ((revealKey: boolean) => RunRequestDescription | undefined) | undefined;
  canReveal: boolean;
  /** Where the key of a copied request comes from, said beside the copy buttons. */
  keyHint: string;
}) {
  const shortcutId = useId();
  return (
    <div className="runs-fire__controls">
      <button
        type="button"
        className="button button--primary runs-fire__run"
        disabled={!canRun}
        aria-describedby={shortcutId}
        onClick={onRun}
      >
        <Icon name="check" />
        {sending ? 'Sending…' : 'Run test'}
      </button>
      {/* A kbd has no role to carry a name, so the words are text of their own. */}
      <span id={shortcutId} className="visually-hidden">
        {isMac ? 'Command Enter' : 'Control Enter'}
      </span>
      <kbd className="runs-fire__kbd" aria-hidden="true">
        {isMac ? '⌘' : 'Ctrl'}+Enter
      </kbd>
      <label className="runs-form__check">
        <input
          type="checkbox"
          className="checkbox"
          checked={saveJson}
          onChange={(event) => {
            onSaveJsonChange(event.target.checked);
          }}
        />
        Also save JSON
      </label>
      {describe && (
        <CopyRequest
          describe={describe}
          canReveal={canReveal}
          keyHint={keyHint}
          revealLabel="Show the API key in copied requests"
        />
      )}
    </div>
  );
}

import { useState } from 'react';
import { curlSnippet } from '@core/snippets/curl-snippet.ts';
import { fetchSnippet } from '@core/snippets/fetch-snippet.ts';
import { pythonSnippet } from '@core/snippets/python-snippet.ts';
import type { RunRequestDescription } from '@core/snippets/run-request.ts';
import { CopyButton } from '@web/components/ui/copy-button.tsx';

export type CopyRequestProps = {
  /** The run request as "Run test" would send it now, with a fresh Idempotency-Key. */
  describe: (revealKey: boolean) => RunRequestDescription | undefined;
  /** Whether the browser holds a key the user may reveal. */
  canReveal: boolean;
  revealLabel: string;
  /** Where the key that replaces the mask comes from, for the target the request goes to. */
  keyHint: string;
};

/** "Copy as curl / JavaScript / Python", with the key masked unless revealed. */
export function CopyRequest({ describe, canReveal, revealLabel, keyHint }: CopyRequestProps) {
  const [reveal, setReveal] = useState(false);
  const text = (build: (request: RunRequestDescription) => string) => () => {
    const request = describe(reveal && canReveal);
    return request ? build(request) : '';
  };
  return (
    <div className="runs-copy" role="group" aria-label="Copy the run request">
      <CopyButton label="Copy as curl" getText={text(curlSnippet)} />
      <CopyButton label="Copy as JavaScript" getText={text(fetchSnippet)} />
      <CopyButton label="Copy as Python" getText={text(pythonSnippet)} />
      {canReveal && !reveal && (
        // The curl as it runs when pasted: the key the user typed in this tab, not a mask.
        <CopyButton
          label="Copy with key"
          getText={() => {
            const request = describe(true);
            return request ? curlSnippet(request) : '';
          }}
        />
      )}
      {canReveal && (
        <label className="runs-form__check runs-copy__reveal">
          <input
            type="checkbox"
            className="checkbox"
            checked={reveal}
            onChange={(event) => {
              setReveal(event.target.checked);
            }}
          />
          {revealLabel}
        </label>
      )}
      {!(reveal && canReveal) && (
        <p className="section-hint runs-copy__masked">
          The copied <code>x-api-key</code> is masked: put your key in its place before running it (
          {keyHint}).
        </p>
      )}
    </div>
  );
}

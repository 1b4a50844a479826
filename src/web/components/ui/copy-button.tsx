import { useEffect, useState } from 'react';
import { copyText } from '@web/lib/clipboard.ts';
import { Icon } from './icon.tsx';
import { useAnnounce } from './live-region.tsx';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies text on click and says so for a moment; says what to do when the browser refuses. */
export function CopyButton({
  label,
  getText,
  className,
}: {
  label: string;
  getText: () => string;
  className?: string;
}) {
  const [state, setState] = useState<CopyState>('idle');
  const announce = useAnnounce();
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => {
      setState('idle');
    }, 2000);
    return () => {
      window.clearTimeout(timer);
    };
  }, [state]);
  const handleClick = () => {
    void copyText(getText()).then((ok) => {
      setState(ok ? 'copied' : 'failed');
      announce(
        ok ? 'Copied to the clipboard.' : 'Could not copy: select the text and copy it yourself.',
      );
    });
  };
  return (
    <span className="copy-button">
      <button
        type="button"
        className={className ?? 'button button--secondary'}
        onClick={handleClick}
      >
        <Icon name={state === 'copied' ? 'check' : 'copy'} />
        {label}
      </button>
      {state === 'failed' && (
        <span className="copy-button__note">Copy blocked: select the text and copy it.</span>
      )}
      {state === 'copied' && (
        <span className="copy-button__note copy-button__note--ok" aria-hidden="true">
          Copied
        </span>
      )}
    </span>
  );
}

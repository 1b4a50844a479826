import { useId } from 'react';
import { useConnection } from '@web/lib/api/connection-context.tsx';
import { TARGET_LABELS, TARGETS, type Target } from '@web/lib/api/connection.ts';
import './target-switch.css';

/**
 * Where test runs go, always visible in the header: the local sandbox (default) or the live
 * Sixtyfour API through Inlet's proxy, which is drawn in the danger colour so no one mistakes
 * one for the other. A key typed here stays in memory unless the user opts into this tab's
 * sessionStorage; it never goes to localStorage or a URL.
 */
export function TargetSwitch() {
  const state = useConnection();
  const keyId = useId();
  const hintId = useId();
  const live = state.target === 'sixtyfour';
  const needsKey = live && state.upstream !== undefined && !state.upstream.server_has_key;
  const handleTarget = (target: Target) => {
    state.setTarget(target);
  };
  return (
    <div className={`target-switch${live ? ' target-switch--live' : ''}`}>
      <div role="radiogroup" aria-label="Target" className="target-switch__options">
        {TARGETS.map((target) => (
          <label
            key={target}
            className={`target-switch__option${state.target === target ? ' target-switch__option--checked' : ''}`}
          >
            <input
              type="radio"
              name="inlet-target"
              value={target}
              checked={state.target === target}
              onChange={() => {
                handleTarget(target);
              }}
            />
            {TARGET_LABELS[target]}
          </label>
        ))}
      </div>
      {live && (
        <span className="target-switch__badge" id={hintId}>
          Live API{state.upstream ? ` · ${new URL(state.upstream.base).host}` : ''}
          {state.upstream?.server_has_key ? ' · server key' : ''}
        </span>
      )}
      {needsKey && (
        <div className="target-switch__key">
          <label htmlFor={keyId} className="visually-hidden">
            Sixtyfour API key
          </label>
          <input
            id={keyId}
            className="input input--mono target-switch__key-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder="Sixtyfour API key"
            value={state.userKey}
            onChange={(event) => {
              state.setUserKey(event.target.value);
            }}
          />
          <label className="target-switch__remember">
            <input
              type="checkbox"
              className="checkbox"
              checked={state.rememberKey}
              onChange={(event) => {
                state.setRememberKey(event.target.checked);
              }}
            />
            Remember in this tab
          </label>
        </div>
      )}
    </div>
  );
}

import { type KeyboardEvent, type ReactNode, useId, useRef, useState } from 'react';
import { PaneSeparator } from '../components/layout/pane-separator.tsx';
import { useMediaQuery } from '../components/layout/use-media-query.ts';
import { usePaneSizes } from '../components/layout/use-pane-sizes.ts';
import { readLocal, writeLocal } from '../lib/storage/local-store.ts';

export const PANE_IDS = ['spec', 'payload', 'run'] as const;
export type PaneId = (typeof PANE_IDS)[number];

const PANE_LABELS: Record<PaneId, string> = {
  spec: 'Spec',
  payload: 'Payload',
  run: 'Run',
};

/** Below this width the three panes stack into tabs (1024 px screens get tabs). */
export const NARROW_QUERY = '(max-width: 1099px)';
const SIZES_KEY = 'inlet:layout:pane-sizes';
const TAB_KEY = 'inlet:layout:pane-tab';
const DEFAULT_SIZES = { spec: 52, payload: 56 };

export type WorkspacePanesProps = {
  panes: Record<PaneId, ReactNode>;
  /** The pane shown in the narrow (tabbed) layout; the palette's "Switch to …" sets it. */
  active: PaneId;
  onActiveChange: (pane: PaneId) => void;
};

export function useActivePane(): [PaneId, (pane: PaneId) => void] {
  const [active, setActive] = useState<PaneId>(() => {
    const stored = readLocal(TAB_KEY);
    return PANE_IDS.find((id) => id === stored) ?? 'spec';
  });
  const choose = (pane: PaneId) => {
    setActive(pane);
    writeLocal(TAB_KEY, pane);
  };
  return [active, choose];
}

/**
 * The full-height workspace: the spec on the left, the sample payload over the run console
 * on the right, with resizable separators (sizes remembered). On narrow screens the same
 * three panes (kept mounted, so editors keep their state) become tabs.
 */
export function WorkspacePanes({ panes, active, onActiveChange }: WorkspacePanesProps) {
  const narrow = useMediaQuery(NARROW_QUERY);
  const [sizes, setSize] = usePaneSizes(SIZES_KEY, DEFAULT_SIZES);
  const baseId = useId();
  const tabRefs = useRef(new Map<PaneId, HTMLButtonElement>());
  const paneId = (pane: PaneId) => `${baseId}-pane-${pane}`;
  const tabId = (pane: PaneId) => `${baseId}-tab-${pane}`;
  const specSize = sizes.spec ?? DEFAULT_SIZES.spec;
  const payloadSize = sizes.payload ?? DEFAULT_SIZES.payload;

  const handleTabKeyDown = (event: KeyboardEvent<HTMLButtonElement>, pane: PaneId) => {
    const at = PANE_IDS.indexOf(pane);
    let next: PaneId | undefined;
    if (event.key === 'ArrowRight') next = PANE_IDS[(at + 1) % PANE_IDS.length];
    else if (event.key === 'ArrowLeft')
      next = PANE_IDS[(at + PANE_IDS.length - 1) % PANE_IDS.length];
    else if (event.key === 'Home') next = PANE_IDS[0];
    else if (event.key === 'End') next = PANE_IDS[PANE_IDS.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    onActiveChange(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <div
      className={`panes ${narrow ? 'panes--tabs' : 'panes--split'}`}
      style={
        narrow
          ? undefined
          : {
              gridTemplateColumns: `minmax(0, ${String(specSize)}fr) auto minmax(0, ${String(100 - specSize)}fr)`,
              gridTemplateRows: `minmax(0, ${String(payloadSize)}fr) auto minmax(0, ${String(100 - payloadSize)}fr)`,
            }
      }
    >
      {narrow && (
        <div className="panes__tabs" role="tablist" aria-label="Workspace panes">
          {PANE_IDS.map((pane) => (
            <button
              key={pane}
              ref={(element) => {
                if (element) tabRefs.current.set(pane, element);
                else tabRefs.current.delete(pane);
              }}
              type="button"
              role="tab"
              id={tabId(pane)}
              className="panes__tab"
              aria-selected={active === pane}
              aria-controls={paneId(pane)}
              tabIndex={active === pane ? 0 : -1}
              onClick={() => {
                onActiveChange(pane);
              }}
              onKeyDown={(event) => {
                handleTabKeyDown(event, pane);
              }}
            >
              {PANE_LABELS[pane]}
            </button>
          ))}
        </div>
      )}
      {PANE_IDS.map((pane) => (
        <div
          key={pane}
          id={paneId(pane)}
          className={`pane pane--${pane}`}
          data-pane={pane}
          {...(narrow
            ? {
                role: 'tabpanel',
                'aria-labelledby': tabId(pane),
                hidden: active !== pane,
              }
            : {})}
        >
          {panes[pane]}
        </div>
      ))}
      {!narrow && (
        <>
          <PaneSeparator
            className="panes__separator--spec"
            label="Resize the spec pane"
            orientation="vertical"
            value={specSize}
            min={25}
            max={70}
            controls={paneId('spec')}
            onChange={(value) => {
              setSize('spec', value);
            }}
          />
          <PaneSeparator
            className="panes__separator--payload"
            label="Resize the payload and run panes"
            orientation="horizontal"
            value={payloadSize}
            min={20}
            max={80}
            controls={paneId('payload')}
            onChange={(value) => {
              setSize('payload', value);
            }}
          />
        </>
      )}
    </div>
  );
}

import { type KeyboardEvent, type PointerEvent, useRef } from 'react';

export type PaneSeparatorProps = {
  /** Accessible name, e.g. "Resize the spec and payload panes". */
  label: string;
  /** "vertical": a bar between side-by-side panes (drag left/right); "horizontal": stacked. */
  orientation: 'vertical' | 'horizontal';
  /** The first pane's share of the space, in percent. */
  value: number;
  min: number;
  max: number;
  /** The id of the pane this separator sizes (its first pane). */
  controls: string;
  onChange: (value: number) => void;
  className?: string;
};

const STEP = 2;
const BIG_STEP = 10;

/**
 * A focusable window splitter (the ARIA "separator" widget): drag it, or focus it and use the
 * arrow keys (Shift for bigger steps), Home and End. The value is the first pane's percent.
 */
export function PaneSeparator({
  label,
  orientation,
  value,
  min,
  max,
  controls,
  onChange,
  className,
}: PaneSeparatorProps) {
  const dragRef = useRef<{ start: number; size: number; from: number } | undefined>(undefined);
  const clamp = (next: number) => Math.min(max, Math.max(min, Math.round(next)));
  const along = (event: PointerEvent) =>
    orientation === 'vertical' ? event.clientX : event.clientY;

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? BIG_STEP : STEP;
    const back = orientation === 'vertical' ? 'ArrowLeft' : 'ArrowUp';
    const forward = orientation === 'vertical' ? 'ArrowRight' : 'ArrowDown';
    let next: number | undefined;
    if (event.key === back) next = value - step;
    else if (event.key === forward) next = value + step;
    else if (event.key === 'Home') next = min;
    else if (event.key === 'End') next = max;
    if (next === undefined) return;
    event.preventDefault();
    onChange(clamp(next));
  };

  const handlePointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const parent = event.currentTarget.parentElement;
    if (!parent) return;
    const box = parent.getBoundingClientRect();
    const size = orientation === 'vertical' ? box.width : box.height;
    if (size <= 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    dragRef.current = { start: along(event), size, from: value };
  };
  const handlePointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const drag = dragRef.current;
    if (!drag) return;
    onChange(clamp(drag.from + ((along(event) - drag.start) / drag.size) * 100));
  };
  const handlePointerUp = () => {
    dragRef.current = undefined;
  };

  return (
    // A focusable separator is a widget in ARIA 1.2 (the window splitter pattern); the
    // plugin counts every separator as static.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-controls={controls}
      className={`pane-separator pane-separator--${orientation}${className ? ` ${className}` : ''}`}
      onKeyDown={handleKeyDown}
      onPointerDown={handlePointerDown}
      onPointerMove={handlePointerMove}
      onPointerUp={handlePointerUp}
      onPointerCancel={handlePointerUp}
    />
  );
}

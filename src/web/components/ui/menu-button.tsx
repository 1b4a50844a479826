import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Icon } from './icon.tsx';

export type MenuAction = {
  /** The visible text, which is also the item's accessible name. */
  label: string;
  /** Shown but not chosen (still focusable, as the WAI-ARIA menu pattern advises). */
  disabled?: boolean;
  onSelect: () => void;
};

/**
 * A button that opens a menu of actions (the WAI-ARIA "menu button" pattern): Enter, Space or
 * ArrowDown open it on the first item, ArrowUp on the last; arrows, Home and End move; a
 * letter jumps to the next item starting with it; Escape closes it and focus goes back to the
 * button; Tab or a click elsewhere closes it.
 *
 * The items stay in the page while the menu is closed (hidden), so the command palette, which
 * presses the page's own buttons by their names, reaches them as it reaches any button.
 */
export function MenuButton({
  label,
  actions,
  className = 'button button--secondary',
}: {
  label: ReactNode;
  actions: readonly MenuAction[];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const buttonId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  // Which item takes focus once the menu is open (focus cannot move into a hidden menu).
  const pendingFocusRef = useRef<number | undefined>(undefined);

  useEffect(() => {
    const pending = pendingFocusRef.current;
    if (!open || pending === undefined) return;
    pendingFocusRef.current = undefined;
    itemRefs.current[pending]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const handlePointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && rootRef.current?.contains(event.target)) return;
      setOpen(false);
    };
    document.addEventListener('pointerdown', handlePointerDown);
    return () => {
      document.removeEventListener('pointerdown', handlePointerDown);
    };
  }, [open]);

  const openAt = (index: number) => {
    if (open) {
      itemRefs.current[index]?.focus();
      return;
    }
    pendingFocusRef.current = index;
    setOpen(true);
  };
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const focusItem = (index: number) => {
    const count = actions.length;
    itemRefs.current[((index % count) + count) % count]?.focus();
  };

  const handleButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(actions.length - 1);
    }
  };

  const handleMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const current = itemRefs.current.findIndex((item) => item === document.activeElement);
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        focusItem(current + 1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        focusItem(current - 1);
        return;
      case 'Home':
        event.preventDefault();
        focusItem(0);
        return;
      case 'End':
        event.preventDefault();
        focusItem(actions.length - 1);
        return;
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        close(true);
        return;
      case 'Tab':
        // Focus moves on to the next control as usual; the menu closes behind it.
        close(false);
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          const key = event.key.toLowerCase();
          const order = actions.map((_, offset) => (current + 1 + offset) % actions.length);
          const next = order.find((index) => actions[index]?.label.toLowerCase().startsWith(key));
          if (next !== undefined) focusItem(next);
        }
    }
  };

  return (
    <div className="menu-button" ref={rootRef}>
      <button
        ref={buttonRef}
        id={buttonId}
        type="button"
        className={className}
        aria-haspopup="menu"
        aria-expanded={open}
        // No aria-controls: opening moves focus into the menu, which is labelled by this
        // button; axe cannot verify aria-controls beside aria-haspopup and asks for review.
        onClick={() => {
          if (open) close(false);
          else openAt(0);
        }}
        onKeyDown={handleButtonKeyDown}
      >
        {label}
        <Icon name="chevronDown" size={14} />
      </button>
      <div
        className="menu-button__menu"
        role="menu"
        aria-labelledby={buttonId}
        tabIndex={-1}
        hidden={!open}
        onKeyDown={handleMenuKeyDown}
      >
        {actions.map((action, index) => (
          <button
            key={action.label}
            ref={(element) => {
              itemRefs.current[index] = element;
            }}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu-button__item"
            aria-disabled={action.disabled === true ? 'true' : undefined}
            onClick={() => {
              if (action.disabled === true) return;
              close(open);
              action.onSelect();
            }}
          >
            {action.label}
          </button>
        ))}
      </div>
    </div>
  );
}

import { useSyncExternalStore } from 'react';
import { applyThemePreference, type ThemePreference } from '../lib/theme.ts';

const CHOICES: { value: ThemePreference; label: string }[] = [
  { value: 'system', label: 'System theme' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];
const isPreference = (value: string): value is ThemePreference =>
  CHOICES.some((choice) => choice.value === value);

/** <html data-theme> is the one truth (the command palette sets it too); absent is "system". */
const subscribe = (onChange: () => void): (() => void) => {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    observer.disconnect();
  };
};
const shown = (): ThemePreference => {
  const theme = document.documentElement.dataset.theme ?? 'system';
  return isPreference(theme) ? theme : 'system';
};

/**
 * The theme, in the header for everyone to find (the command palette has it too): the page
 * and every editor recolour at once, and the choice is remembered for this browser.
 */
export function ThemeSelect() {
  const preference = useSyncExternalStore(subscribe, shown);
  return (
    <select
      className="input select app-header__theme"
      aria-label="Theme"
      value={preference}
      onChange={(event) => {
        const value = event.target.value;
        if (!isPreference(value)) return;
        applyThemePreference(value);
      }}
    >
      {CHOICES.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}

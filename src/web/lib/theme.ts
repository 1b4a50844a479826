import { readLocal, writeLocal } from './storage/local-store.ts';

export type ThemePreference = 'system' | 'light' | 'dark';

const THEME_KEY = 'inlet:theme';

export function readThemePreference(): ThemePreference {
  const stored = readLocal(THEME_KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/**
 * Sets the theme on <html data-theme> (styles.css and every Monaco editor follow it at
 * once) and remembers it; "system" follows the operating system's setting.
 */
export function applyThemePreference(preference: ThemePreference, remember = true): void {
  const root = document.documentElement;
  if (preference === 'system') delete root.dataset.theme;
  else root.dataset.theme = preference;
  if (remember) writeLocal(THEME_KEY, preference);
}

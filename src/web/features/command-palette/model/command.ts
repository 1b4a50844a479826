/** An action of the app, as the palette and the shortcut list show it. */
export type Command = {
  id: string;
  label: string;
  /** Shown as written, e.g. ['Ctrl+Enter']; the platform's Cmd replaces Ctrl on macOS. */
  keybindings?: readonly string[];
  group: string;
  run: () => void;
};

const normalize = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The commands whose label or group has every word of the query, in their order; labels
 * that start with the query come first.
 */
export function filterCommands(commands: readonly Command[], query: string): Command[] {
  const words = normalize(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...commands];
  const matches = commands.filter((command) => {
    const haystack = normalize(`${command.label} ${command.group}`);
    return words.every((word) => haystack.includes(word));
  });
  const start = normalize(query);
  return [
    ...matches.filter((command) => normalize(command.label).startsWith(start)),
    ...matches.filter((command) => !normalize(command.label).startsWith(start)),
  ];
}

export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "Ctrl+K" as this platform writes it ("⌘+K" on macOS). */
export const keyLabel = (binding: string): string =>
  isMac() ? binding.replace(/^Ctrl\+/, '⌘+') : binding;

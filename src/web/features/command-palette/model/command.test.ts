import { describe, expect, it } from 'vitest';
import { type Command, filterCommands } from './command.ts';

const command = (id: string, label: string, group = 'App'): Command => ({
  id,
  label,
  group,
  run: () => undefined,
});

describe('filterCommands', () => {
  const commands = [
    command('run.fire', 'Run test', 'Run'),
    command('payload.import', 'Import payload…', 'Payload'),
    command('spec.import', 'Import spec…', 'Spec'),
    command('theme.dark', 'Dark theme', 'Theme'),
  ];
  it('keeps every command for an empty query', () => {
    expect(filterCommands(commands, '  ')).toHaveLength(4);
  });
  it('needs every word, in label or group, and ranks label prefixes first', () => {
    expect(filterCommands(commands, 'import').map((found) => found.id)).toEqual([
      'payload.import',
      'spec.import',
    ]);
    expect(filterCommands(commands, 'theme').map((found) => found.id)).toEqual(['theme.dark']);
    expect(filterCommands(commands, 'spec imp').map((found) => found.id)).toEqual(['spec.import']);
    expect(filterCommands(commands, 'nothing')).toEqual([]);
  });
});

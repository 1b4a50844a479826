import { describe, expect, it } from 'vitest';
import {
  FIELD_TYPE_ALIASES,
  FIELD_TYPES,
  matchesFieldType,
  resolveFieldType,
  unknownFieldTypeMessage,
} from './field-type.ts';

describe('field types', () => {
  it('resolves every canonical name to itself', () => {
    for (const type of FIELD_TYPES) expect(resolveFieldType(type)).toBe(type);
  });

  it.each([
    ['str', 'string'],
    ['int', 'integer'],
    ['float', 'number'],
    ['bool', 'boolean'],
    ['list[str]', 'list[string]'],
    ['list[int]', 'list[integer]'],
    ['list[float]', 'list[number]'],
    ['object', 'dict'],
  ])('resolves the alias %s to %s', (alias, canonical) => {
    expect(resolveFieldType(alias)).toBe(canonical);
  });

  it('knows no other names, including inherited object keys', () => {
    for (const name of ['String', 'text', 'toString', '__proto__', 'constructor', '']) {
      expect(resolveFieldType(name)).toBeUndefined();
    }
    expect(Object.keys(FIELD_TYPE_ALIASES)).toHaveLength(8);
  });

  it('suggests the near name for an unknown one', () => {
    expect(unknownFieldTypeMessage('String')).toContain('Did you mean "string"?');
    expect(unknownFieldTypeMessage('List[Str]')).toContain('Did you mean "list[string]"?');
    expect(unknownFieldTypeMessage('text')).not.toContain('Did you mean');
  });

  it.each([
    ['string', 'x', 1],
    ['integer', 3, 3.5],
    ['integer', -0, '3'],
    ['number', 3.5, '3.5'],
    ['boolean', false, 'false'],
    ['list[string]', ['a'], ['a', 1]],
    ['list[integer]', [1, 2], [1, 2.5]],
    ['list[number]', [1, 2.5], [1, '2']],
    ['list', [1, 'a', null], {}],
    ['dict', { a: 1 }, []],
    ['dict', {}, null],
  ] as const)('%s accepts %j and refuses %j', (type, good, bad) => {
    expect(matchesFieldType(good, type)).toBe(true);
    expect(matchesFieldType(bad, type)).toBe(false);
  });
});

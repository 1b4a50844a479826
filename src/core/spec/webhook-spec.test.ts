import { describe, expect, it } from 'vitest';
import { validateWebhookSpec } from './spec-issues.ts';
import { toWebhookBlock, webhookSpecJsonSchema } from './webhook-block.ts';
import { parseWebhookSpec, specModelToWebhookSpec, type SpecModel } from './webhook-spec.ts';

const parse = (json: string): SpecModel => {
  const result = parseWebhookSpec(JSON.parse(json));
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
};

describe('reading a webhook spec', () => {
  it('reads the shorthand form with defaults', () => {
    expect(
      parse('{"input_schema": {"email": "string", "age": "int"}, "dataframe_type": "LEAD"}'),
    ).toEqual({
      columns: [
        { name: 'email', type: 'string', required: false, description: '' },
        { name: 'age', type: 'integer', required: false, description: '' },
      ],
      dataframe_type: 'LEAD',
    });
  });

  it('reads the full form and aliases inside it', () => {
    const model = parse(
      '{"input_schema": {"tags": {"type": "list[str]", "required": true, "description": "Labels"}}, "dataframe_type": "COMPANY", "webhook_input": "[]"}',
    );
    expect(model).toEqual({
      columns: [{ name: 'tags', type: 'list[string]', required: true, description: 'Labels' }],
      dataframe_type: 'COMPANY',
      webhook_input: '[]',
    });
  });

  it('keeps odd names and their order exactly', () => {
    const names = ['__proto__', 'constructor', '🚀', 'x'.repeat(10_000), 'prototype'];
    const json = `{"input_schema": {${names.map((n) => `${JSON.stringify(n)}: "string"`).join(',')}}, "dataframe_type": "LEAD"}`;
    const model = parse(json);
    expect(model.columns.map((c) => c.name)).toEqual(names);
    const written = JSON.stringify(specModelToWebhookSpec(model));
    const reread = JSON.parse(written) as { input_schema: object };
    expect(Object.keys(reread.input_schema)).toEqual(names);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('says what is wrong, per column', () => {
    const result = parseWebhookSpec(
      JSON.parse(
        '{"input_schema": {"a": "strng", "b": {"type": "int", "default": 1}, "c": 3}, "dataframe_type": "PERSON"}',
      ),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues).toEqual([
      { path: ['dataframe_type'], message: 'dataframe_type must be "LEAD" or "COMPANY".' },
      {
        path: ['input_schema', 'a'],
        message:
          'Unknown type "strng". Use one of: string, integer, number, boolean, list[string], list[integer], list[number], list, dict.',
      },
      {
        path: ['input_schema', 'b'],
        message:
          'Unknown key "default" in a column; a column takes type, description and required.',
      },
      {
        path: ['input_schema', 'c'],
        message: 'A column is a type name such as "string" or an object like {"type": "string"}.',
      },
    ]);
  });

  it('refuses unknown spec keys and non-objects; reads {} (no dataframe_type) as unknown row type', () => {
    expect(parseWebhookSpec([])).toMatchObject({ success: false });
    expect(parseWebhookSpec({})).toEqual({ success: true, data: { columns: [] } });
    expect(parseWebhookSpec({ dataframe_type: 'PERSON' })).toMatchObject({
      success: false,
      issues: [{ path: ['dataframe_type'] }],
    });
    expect(parseWebhookSpec({ dataframe_type: 'LEAD', extra: 1 })).toMatchObject({
      success: false,
      issues: [{ message: expect.stringContaining('"extra"') as unknown }],
    });
    expect(parseWebhookSpec({ dataframe_type: 'LEAD', input_schema: [] })).toMatchObject({
      success: false,
      issues: [{ path: ['input_schema'] }],
    });
  });
});

describe('writing a webhook spec', () => {
  it('writes the full form, description only when present', () => {
    const spec = specModelToWebhookSpec({
      columns: [
        { name: 'email', type: 'string', required: true, description: 'Work email' },
        { name: 'age', type: 'integer', required: false, description: '' },
      ],
      dataframe_type: 'LEAD',
    });
    expect(spec).toEqual({
      input_schema: {
        email: { type: 'string', description: 'Work email', required: true },
        age: { type: 'integer', required: false },
      },
      dataframe_type: 'LEAD',
    });
  });

  it('round-trips: written specs read back to the same model', () => {
    const model: SpecModel = {
      columns: [
        { name: '__proto__', type: 'dict', required: true, description: 'odd but fine' },
        { name: '👩‍💻', type: 'list[number]', required: false, description: '' },
      ],
      dataframe_type: 'COMPANY',
      webhook_input: '[{"a": 1}]',
    };
    expect(parse(JSON.stringify(specModelToWebhookSpec(model)))).toEqual(model);
  });

  it('wraps the spec in the complete block object', () => {
    const specs = specModelToWebhookSpec({ columns: [], dataframe_type: 'LEAD' });
    expect(toWebhookBlock(specs)).toEqual({
      block_id: 'webhook_1',
      sequence_number: 1,
      block_type: 'source',
      block_name: 'webhook',
      specs: { input_schema: {}, dataframe_type: 'LEAD' },
    });
  });

  it('generates a JSON Schema that offers every type name', () => {
    const schema = JSON.stringify(webhookSpecJsonSchema());
    for (const name of ['list[str]', 'dict', 'object', 'LEAD', 'COMPANY']) {
      expect(schema).toContain(`"${name}"`);
    }
  });
});

describe('validating a spec as the sandbox does', () => {
  it('refuses duplicates after folding, naming the clash', () => {
    const result = validateWebhookSpec({
      input_schema: { Email: 'string', EMAIL: 'string' },
      dataframe_type: 'LEAD',
    });
    expect(result).toEqual({
      success: false,
      issues: [
        {
          path: ['input_schema', 'EMAIL'],
          severity: 'error',
          message:
            'Column 2 clashes with column 1 "Email": names are compared ignoring case and Unicode form; rename one of them.',
        },
      ],
    });
  });

  it('refuses an unreadable webhook_input', () => {
    const result = validateWebhookSpec({ dataframe_type: 'LEAD', webhook_input: '[{"a": }]' });
    expect(result.success).toBe(false);
  });

  it('accepts odd names with warnings only for surrounding spaces', () => {
    const result = validateWebhookSpec({
      input_schema: JSON.parse('{"__proto__": "string", " padded ": "int"}') as unknown,
      dataframe_type: 'COMPANY',
    });
    expect(result).toMatchObject({ success: true, warnings: [{ severity: 'warning' }] });
  });
});

import { describe, expect, it } from 'vitest';
import { overrideChoice, replayBody } from './replay-override.ts';

const OVERRIDE = { input_schema: { company_name: 'string' } };

describe('replayBody', () => {
  it('adds specs_override to a JSON object body, leaving the rest exactly as it was', () => {
    // A number past 2^53: parsing and printing the body again would change it.
    const text = '{"webhook_payload": [{"id": 12345678901234567890}]}';
    const result = replayBody(text, OVERRIDE);
    expect(result.text).toBe(
      '{"webhook_payload": [{"id": 12345678901234567890}],"specs_override": {"input_schema":{"company_name":"string"}}}',
    );
    expect(result.note).toContain('added');
  });

  it("replaces the body's own specs_override", () => {
    const text = JSON.stringify({
      webhook_payload: [],
      specs_override: { dataframe_type: 'LEAD' },
    });
    const result = replayBody(text, OVERRIDE);
    expect(JSON.parse(result.text)).toEqual({ webhook_payload: [], specs_override: OVERRIDE });
    expect(result.note).toContain('replaces');
  });

  it('leaves a body that is not a JSON object unchanged, and says so', () => {
    for (const text of ['[{"a": 1}]', '{"webhook_payload": [', '']) {
      const result = replayBody(text, OVERRIDE);
      expect(result.text).toBe(text);
      expect(result.note).toContain('not a JSON object');
    }
  });

  it('does nothing without an override', () => {
    expect(replayBody('{}', undefined)).toEqual({ text: '{}', note: undefined });
  });
});

describe('overrideChoice', () => {
  const console_ = { workflowId: 'wf-1', override: OVERRIDE, problem: undefined };

  it('is available for the console workflow', () => {
    expect(overrideChoice(console_, ' wf-1 ')).toEqual({ available: true });
  });

  it('says why it is not', () => {
    const reason = (...args: Parameters<typeof overrideChoice>): string => {
      const choice = overrideChoice(...args);
      return choice.available ? '' : choice.reason;
    };
    expect(reason(console_, 'wf-2')).toContain('for workflow wf-1, not this one');
    expect(reason({ ...console_, override: undefined }, 'wf-1')).toBe(
      'The run console has no override.',
    );
    expect(reason(undefined, 'wf-1')).toBe('The run console has no override.');
    expect(reason({ ...console_, workflowId: undefined }, 'wf-1')).toContain('no workflow open');
    expect(reason({ ...console_, override: undefined, problem: 'not JSON' }, 'wf-1')).toContain(
      'not JSON',
    );
  });
});

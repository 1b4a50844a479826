import { describe, expect, it } from 'vitest';
import type { Block, WorkflowGraph } from '../wire/workflow.ts';
import { BLOCK_CATALOGUE, findBlockDefinition } from './block-catalogue.ts';
import { outputColumns } from './block-outputs.ts';
import { planWarnings } from './plan-warnings.ts';
import { regexProblem } from './safe-regex.ts';
import { validateWorkflowGraph } from './workflow-graph.ts';

const block = (
  block_id: string,
  block_name: string,
  specs: Record<string, unknown> = {},
): Block => ({
  block_id,
  sequence_number: 1,
  block_type: block_name,
  block_name,
  specs,
});
const chain = (...blocks: Block[]): WorkflowGraph => ({
  blocks: blocks.map((b, index) => ({ ...b, sequence_number: index + 1 })),
  edges: blocks.slice(1).map((to, index) => ({
    from_block_id: blocks[index]?.block_id ?? '',
    to_block_id: to.block_id ?? '',
  })),
});

describe('the catalogue in a graph', () => {
  it('lets a {} webhook feed LEAD and COMPANY blocks alike, and warns that the type is unknown', () => {
    for (const consumer of ['lead_enrichment', 'find_email', 'company_enrichment', 'enrich_lead']) {
      const result = validateWorkflowGraph(chain(block('w', 'webhook'), block('b', consumer)));
      expect(result.success, consumer).toBe(true);
      if (!result.success) continue;
      const messages = planWarnings(result.plan).map((warning) => warning.message);
      expect(messages.some((message) => message.includes('dataframe_type required'))).toBe(true);
    }
  });

  it('still refuses a real mismatch after a fixed-type block', () => {
    const result = validateWorkflowGraph(
      chain(block('w', 'webhook'), block('c', 'company_enrichment'), block('e', 'find_email')),
    );
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues[0]?.message).toMatch(
      /"find_email".*"company_enrichment".*company_to_leads/,
    );
  });

  it('accepts every catalogue block with {} specs except those that need keys', () => {
    const needKeys = new Set(['remove_columns', 'group_by', 'outgoing_webhook', 'filter']);
    for (const definition of BLOCK_CATALOGUE) {
      if (definition.block_type === 'source' || needKeys.has(definition.block_name)) continue;
      const webhookSpecs = definition.input === 'ANY' ? {} : { dataframe_type: definition.input };
      const result = validateWorkflowGraph(
        chain(block('w', 'webhook', webhookSpecs), block('b', definition.block_name)),
      );
      expect(result.success, definition.block_name).toBe(true);
    }
  });

  it('resolves enrich_lead and enrich_company to the enrichment blocks', () => {
    expect(findBlockDefinition('enrich_lead')?.block_name).toBe('lead_enrichment');
    expect(findBlockDefinition('enrich_company')?.block_name).toBe('company_enrichment');
  });

  it('adds exactly the return_fields, else the documented fixed columns', () => {
    expect(
      outputColumns('lead_enrichment', {
        return_fields: { bio: { type: 'str' }, skills: { type: 'list[str]' }, age: 'Age' },
      }).map((column) => [column.name, column.type]),
    ).toEqual([
      ['bio', 'str'],
      ['skills', 'list[str]'],
      ['age', 'str'],
    ]);
    expect(outputColumns('find_email', {}).map((column) => column.name)).toEqual(['email']);
    expect(outputColumns('find_phone', {}).map((column) => column.name)).toEqual(['phone']);
    expect(outputColumns('verify_email', {}).map((column) => column.name)).toEqual([
      'email_status',
    ]);
  });

  it('refuses an unknown return_fields type and filter operator at save', () => {
    const badType = validateWorkflowGraph(
      chain(
        block('w', 'webhook'),
        block('b', 'lead_enrichment', { return_fields: { x: { type: 'datetime' } } }),
      ),
    );
    expect(badType.success).toBe(false);
    const badOperator = validateWorkflowGraph(
      chain(
        block('w', 'webhook'),
        block('f', 'filter', { filters: [{ column: 'a', operator: 'sounds_like', value: 1 }] }),
      ),
    );
    expect(badOperator.success).toBe(false);
    if (!badOperator.success) expect(badOperator.issues[0]?.message).toContain('matches');
  });
});

describe('regexProblem', () => {
  it('passes ordinary patterns and refuses invalid, nested-repetition and back-reference ones', () => {
    expect(regexProblem('^[A-Z][a-z]+ (Inc|Ltd)\\.?$')).toBeUndefined();
    expect(regexProblem('(a|b)+c')).toBeUndefined();
    expect(regexProblem('[')).toContain('invalid');
    expect(regexProblem('(a+)+$')).toContain('exponential');
    expect(regexProblem('(x*y?)*z')).toContain('exponential');
    expect(regexProblem('(a)\\1')).toContain('back-reference');
    expect(regexProblem('a'.repeat(501))).toContain('500');
  });
});

import { describe, expect, it } from 'vitest';
import type { Block, WorkflowGraph } from '../wire/workflow.ts';
import { applySpecsOverride } from './specs-override.ts';
import { checkRunSource, validateWorkflowGraph } from './workflow-graph.ts';

const block = (
  block_id: string,
  block_name: string,
  specs: Record<string, unknown> = {},
  sequence_number = 1,
): Block => ({
  block_id,
  sequence_number,
  block_type: 'x',
  block_name,
  specs,
});
const webhook = (dataframe_type: string) => block('w', 'webhook', { dataframe_type });
const chain = (...blocks: Block[]): WorkflowGraph => ({
  blocks,
  edges: blocks.slice(1).map((to, index) => ({
    from_block_id: blocks[index]?.block_id ?? '',
    to_block_id: to.block_id ?? '',
  })),
});

describe('validateWorkflowGraph', () => {
  it('plans blocks along the edges with the row type each hands on', () => {
    const result = validateWorkflowGraph(
      chain(
        webhook('COMPANY'),
        block('c', 'company_to_leads', {}, 2),
        block('e', 'find_email', {}, 3),
      ),
    );
    expect(
      result.success && result.plan.map((planned) => [planned.blockId, planned.rowType]),
    ).toEqual([
      ['w', 'COMPANY'],
      ['c', 'LEAD'],
      ['e', 'LEAD'],
    ]);
  });

  it.each([
    ['find_email', 'COMPANY'],
    ['lead_enrichment', 'COMPANY'],
    ['company_enrichment', 'LEAD'],
    ['company_to_leads', 'LEAD'],
    ['leads_to_company', 'COMPANY'],
  ])('refuses %s fed %s rows', (name, type) => {
    const result = validateWorkflowGraph(chain(webhook(type), block('x', name, {}, 2)));
    expect(result.success).toBe(false);
  });

  it('follows the row type through blocks that take either', () => {
    const graph = chain(
      webhook('COMPANY'),
      block('f', 'deduplicate', { columns: ['a'] }, 2),
      block('e', 'find_email', {}, 3),
    );
    expect(validateWorkflowGraph(graph).success).toBe(false);
  });

  it('refuses cycles, duplicate ids and unknown blocks', () => {
    const cycle = chain(
      webhook('LEAD'),
      block('a', 'find_email', {}, 2),
      block('b', 'lead_enrichment', {}, 3),
    );
    cycle.edges.push({ from_block_id: 'b', to_block_id: 'a' });
    expect(validateWorkflowGraph(cycle).success).toBe(false);
    expect(validateWorkflowGraph(chain(webhook('LEAD'), block('w', 'filter'))).success).toBe(false);
    expect(validateWorkflowGraph(chain(webhook('LEAD'), block('x', 'teleport'))).success).toBe(
      false,
    );
  });
});

describe('checkRunSource', () => {
  const plan = (graph: WorkflowGraph) => {
    const result = validateWorkflowGraph(graph);
    if (!result.success) throw new Error('invalid graph');
    return result.plan;
  };
  it('wants exactly one source: the webhook block, or one that finds its own rows', () => {
    expect(checkRunSource(plan(chain(webhook('LEAD'))))).toMatchObject({
      success: true,
      finds: false,
    });
    for (const name of ['search', 'read_notebook'])
      expect(checkRunSource(plan(chain(block('s', name))))).toMatchObject({
        success: true,
        finds: true,
      });
    const csv = checkRunSource(plan(chain(block('r', 'read_csv'))));
    expect(!csv.success && csv.message).toContain('switch its source to a webhook block');
    const two = checkRunSource(
      plan({
        blocks: [webhook('LEAD'), block('v', 'webhook', { dataframe_type: 'LEAD' })],
        edges: [],
      }),
    );
    expect(two.success).toBe(false);
    expect(
      checkRunSource(plan(chain(block('f', 'filter', { column: 'a', operator: 'is_empty' }))))
        .success,
    ).toBe(false);
  });
});

describe('applySpecsOverride', () => {
  it('replaces the same keys (shallow) and keeps __proto__ columns as data', () => {
    const override = JSON.parse('{"input_schema":{"__proto__":"string"}}') as Record<
      string,
      unknown
    >; // JSON.parse output is plain data.
    const result = applySpecsOverride(
      { dataframe_type: 'LEAD', input_schema: { a: 'string' } },
      override,
    );
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.specs.dataframe_type).toBe('LEAD');
    expect(Object.keys(result.specs.input_schema as object)).toEqual(['__proto__']); // Set from the parsed override.
    expect(Object.getPrototypeOf(result.specs)).toBe(Object.prototype);
  });

  it('refuses other keys, naming them', () => {
    const result = applySpecsOverride({ dataframe_type: 'LEAD' }, { prompt: 'x' });
    expect(result).toMatchObject({ success: false, key: 'prompt' });
  });
});

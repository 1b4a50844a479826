import { describe, expect, it } from 'vitest';
import type { BlockInfoResponse } from '@core/wire/workflow.ts';
import { BLOCK_CATALOGUE } from '@core/workflow/block-catalogue.ts';
import {
  blocksOutsideSteps,
  buildStepsGraph,
  groupBlocks,
  newStep,
  readSteps,
  stepInputTypes,
} from './workflow-steps.ts';

const blocks: BlockInfoResponse[] = BLOCK_CATALOGUE.map((definition) => ({
  block_name: definition.block_name,
  specs_schema: {},
  block_type: definition.block_type,
  input_row_type: definition.input,
}));
const names = (rowType: 'LEAD' | 'COMPANY' | undefined) =>
  groupBlocks(blocks, rowType).flatMap((group) => group.blocks.map((block) => block.block_name));

describe('the save form’s block steps', () => {
  it('groups the catalogue as the contract does, without sources, by the rows reaching a step', () => {
    expect(groupBlocks(blocks, undefined).map((group) => group.category)).toEqual([
      'enrichment',
      'discovery',
      'web',
      'social',
      'AI',
      'data ops',
      'output',
      'integrations',
    ]);
    expect(names(undefined)).toEqual(expect.arrayContaining(['find_email', 'company_enrichment']));
    expect(names(undefined)).not.toContain('search');
    expect(names('LEAD')).not.toContain('company_enrichment');
    expect(names('COMPANY')).not.toContain('find_email');
  });

  it('follows the row type through converters', () => {
    const steps = [newStep('company_to_leads'), newStep('find_email')];
    expect(stepInputTypes('COMPANY', steps)).toEqual(['COMPANY', 'LEAD']);
  });

  it('builds a linear graph and reads it back; refuses specs that are not a JSON object', () => {
    const steps = [newStep('lead_enrichment'), newStep('find_email')];
    const built = buildStepsGraph({}, steps, blocks);
    expect(built.success).toBe(true);
    if (!built.success) return;
    expect(built.graph.edges).toEqual([
      { from_block_id: 'webhook_1', to_block_id: 'lead_enrichment_2' },
      { from_block_id: 'lead_enrichment_2', to_block_id: 'find_email_3' },
    ]);
    expect(readSteps(built.graph)?.map((step) => step.block_name)).toEqual([
      'lead_enrichment',
      'find_email',
    ]);
    expect(blocksOutsideSteps(built.graph)).toBe(0);
    const side = {
      block_id: 'side',
      sequence_number: 9,
      block_type: 'enrich',
      block_name: 'find_phone',
      specs: {},
    };
    const branched = {
      blocks: [...built.graph.blocks, side],
      edges: [...built.graph.edges, { from_block_id: 'webhook_1', to_block_id: 'side' }],
    };
    expect(blocksOutsideSteps(branched)).toBe(1);
    const broken = buildStepsGraph({}, [{ ...newStep('filter'), specsText: '[1]' }], blocks);
    expect(broken).toMatchObject({
      success: false,
      message: expect.stringContaining('JSON object') as unknown,
    });
  });
});

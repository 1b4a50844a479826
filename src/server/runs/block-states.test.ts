import { describe, expect, it } from 'vitest';
import type { BlockLiveStatus } from '@core/wire/live-status.ts';
import { buildLiveStatus } from './block-states.ts';

const block = (name: string, patch: Partial<BlockLiveStatus>): BlockLiveStatus => ({
  block_id: `${name}_1`,
  block_name: name,
  sequence_number: 1,
  status: 'pending',
  progress_percentage: 0,
  current_step: null,
  processed_count: 0,
  total_count: 0,
  last_updated: '2026-12-02T10:00:00.000Z',
  error_message: null,
  metrics: { row_count: 0, dataframe_type: 'COMPANY' },
  ...patch,
});

const run = (status: 'cancelled' | 'running') => ({
  job_id: 'job',
  workflow_id: 'wf',
  status,
  blocks: [],
  started_at: '2026-12-02T10:00:00.000Z',
  completed_at: status === 'running' ? null : '2026-12-02T10:00:05.000Z',
  updated_at: '2026-12-02T10:00:05.000Z',
});

describe('live status of a run that has ended', () => {
  // The cancel is stored at once; the executor notices it at its next row boundary, and
  // until then its in-memory blocks still say "running" at "Row 9 of 10".
  const executorBlocks = [
    block('webhook', {
      status: 'running',
      processed_count: 9,
      total_count: 10,
      current_step: 'Row 9 of 10',
    }),
    block('company_enrichment', { sequence_number: 2 }),
  ];

  it('shows no block running once the run is cancelled', () => {
    const status = buildLiveStatus(run('cancelled'), executorBlocks);
    expect(status.overall_status).toBe('cancelled');
    expect(status.blocks.map((entry) => entry.status)).toEqual(['failed', 'pending']);
    expect(status.blocks[0]?.error_message).toBe('Run cancelled.');
    expect(status.blocks[0]?.current_step).toBeNull();
    expect(status.blocks[0]?.processed_count).toBe(9);
    expect(status.current_block).toBeNull();
  });

  it('leaves a running run’s blocks as the executor has them', () => {
    const status = buildLiveStatus(run('running'), executorBlocks);
    expect(status.blocks[0]?.status).toBe('running');
    expect(status.current_block).toBe('webhook');
  });
});

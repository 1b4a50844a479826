import { describe, expect, it, vi } from 'vitest';
import type { Judgement } from '@core/judge/judgement.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { effectiveSpec } from './effective-spec.ts';
import type * as JudgeModule from '@core/judge/judge-payload.ts';
import { prepareRun, type RunJudge, runBodyOf } from './prepare-run.ts';

// The preflight must not judge on the main thread: the core judge fails the test if called.
vi.mock('@core/judge/judge-payload.ts', async (importActual) => ({
  ...(await importActual<typeof JudgeModule>()),
  judgePayloadText: () => {
    throw new Error('the preflight judged on the main thread');
  },
}));

const { judgePayloadText: realJudge } = await vi.importActual<typeof JudgeModule>(
  '../../../../core/judge/judge-payload.ts',
);

const stored = {
  input_schema: { email: { type: 'string', required: true } },
  dataframe_type: 'LEAD',
};
const effective = effectiveSpec(stored, undefined);
const model = (): SpecModel => {
  if (!effective.success) throw new Error(effective.message);
  return effective.model;
};

/** A judge that answers with judgements made beforehand (as the worker's latest is). */
function judgeWith(judgement: Judgement) {
  return vi.fn<RunJudge>(() => Promise.resolve(judgement));
}

describe('prepareRun', () => {
  it('takes the verdict and findings from the judgement it is given', async () => {
    const text = '[{"email": "a@x.io"}, {"name": "B"}]';
    const judge = judgeWith(realJudge(text, model()));
    const preflight = await prepareRun(text, { kind: 'none' }, effective, judge);
    expect(judge).toHaveBeenCalledTimes(1);
    expect(judge).toHaveBeenCalledWith(text, model());
    expect(preflight.verdict).toBe('rejected');
    if (preflight.verdict !== 'rejected') throw new Error('rejected');
    expect(preflight.message).toMatch(/^The sample payload would be rejected \(400\): /);
    expect(preflight.findings.map((finding) => [finding.row, finding.column])).toEqual([
      [1, 'email'],
    ]);
    expect(preflight.body).toEqual({
      kind: 'json',
      body: { webhook_payload: [{ email: 'a@x.io' }, { name: 'B' }] },
    });
  });

  it('sends with the warnings of an accepting judgement', async () => {
    const text = '[{"email": 42}]';
    const judgement = realJudge(text, model());
    const preflight = await prepareRun(text, { kind: 'none' }, effective, judgeWith(judgement));
    expect(preflight.verdict).toBe('accepted');
    if (preflight.verdict !== 'accepted') throw new Error('accepted');
    expect(preflight.warnings.length).toBeGreaterThan(0);
    expect(preflight.warnings).toEqual(
      judgement.findings.filter((finding) => finding.severity === 'warning'),
    );
  });

  it('judges the spec webhook_input when there is no sample payload', async () => {
    const withInput = effectiveSpec(
      { ...stored, webhook_input: '[{"email": "a@x.io"}]' },
      undefined,
    );
    if (!withInput.success) throw new Error(withInput.message);
    const judge = judgeWith(realJudge('[{"email": "a@x.io"}]', withInput.model));
    const preflight = await prepareRun('  ', { kind: 'none' }, withInput, judge);
    expect(judge).toHaveBeenCalledWith('[{"email": "a@x.io"}]', withInput.model);
    expect(preflight.verdict).toBe('accepted');
  });

  it('says 400, as the sandbox does, for a webhook_input whose rows are not objects', async () => {
    const withInput = effectiveSpec({ ...stored, webhook_input: '[1]' }, undefined);
    if (!withInput.success) throw new Error(withInput.message);
    const judge = judgeWith(realJudge('[1]', withInput.model));
    const fromInput = await prepareRun('', { kind: 'none' }, withInput, judge);
    expect(fromInput).toMatchObject({ verdict: 'rejected' });
    expect(fromInput.verdict === 'rejected' && fromInput.message).toMatch(
      /^The spec's webhook_input would be rejected \(400\)/,
    );
    const fromPayload = await prepareRun('[1]', { kind: 'none' }, withInput, judge);
    expect(fromPayload.verdict === 'rejected' && fromPayload.message).toMatch(
      /^The sample payload would be rejected \(422\)/,
    );
  });

  it('asks no judge when the override does not read', async () => {
    const judge = judgeWith(realJudge('[]', model()));
    const preflight = await prepareRun(
      '[]',
      { kind: 'error', message: 'The override is not valid JSON.' },
      effective,
      judge,
    );
    expect(judge).not.toHaveBeenCalled();
    expect(preflight).toMatchObject({
      verdict: 'rejected',
      message: 'The override is not valid JSON.',
    });
  });
});

describe('runBodyOf', () => {
  it('is the body "Run test" sends, parsed or raw, with the override', () => {
    const override = { kind: 'ok', override: { dataframe_type: 'LEAD' } } as const;
    expect(runBodyOf('[{"a": 1}]', override)).toEqual({
      kind: 'json',
      body: { webhook_payload: [{ a: 1 }], specs_override: { dataframe_type: 'LEAD' } },
    });
    expect(runBodyOf('[{"a": 1},]', { kind: 'none' })).toEqual({
      kind: 'raw',
      text: '{"webhook_payload": [{"a": 1},]}',
    });
    expect(runBodyOf('', { kind: 'error', message: 'bad' })).toBeUndefined();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { Judgement } from '@core/judge/judgement.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { judgementFor, specKeyOf } from './judgement-for.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [{ name: 'email', type: 'string', required: true, description: '' }],
};
type JudgeOnce = (text: string, spec: SpecModel) => Promise<Judgement>;

const TEXT = '[{"email": "a@x.io"}]';

describe('judgementFor', () => {
  const latest = { text: TEXT, specKey: specKeyOf(spec), judgement: judgePayloadText(TEXT, spec) };

  it('answers with the latest judgement when it is of this text and spec, asking no one', async () => {
    const judgeOnce = vi.fn<JudgeOnce>(() => {
      throw new Error('asked the worker again');
    });
    await expect(judgementFor(latest, TEXT, { ...spec }, judgeOnce)).resolves.toBe(
      latest.judgement,
    );
    expect(judgeOnce).not.toHaveBeenCalled();
  });

  it('asks for a one-off judgement when the text, the spec or the latest differs', async () => {
    const other = judgePayloadText('[]', spec);
    const judgeOnce = vi.fn<JudgeOnce>(() => Promise.resolve(other));
    const optional: SpecModel = {
      ...spec,
      columns: [{ name: 'email', type: 'string', required: false, description: '' }],
    };
    await expect(judgementFor(latest, '[]', spec, judgeOnce)).resolves.toBe(other);
    await expect(judgementFor(latest, TEXT, optional, judgeOnce)).resolves.toBe(other);
    await expect(judgementFor(undefined, TEXT, spec, judgeOnce)).resolves.toBe(other);
    expect(judgeOnce.mock.calls).toEqual([
      ['[]', spec],
      [TEXT, optional],
      [TEXT, spec],
    ]);
  });
});

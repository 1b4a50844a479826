import { describe, expect, it } from 'vitest';
import { judgePayloadText } from '@core/judge/judge-payload.ts';
import type { SpecModel } from '@core/spec/webhook-spec.ts';
import { JudgeSession } from './judge-session.ts';

const spec: SpecModel = {
  dataframe_type: 'LEAD',
  columns: [{ name: 'email', type: 'string', required: true, description: '' }],
};

const TEXT = '[\r\n  {"email": "a@x.io"},\r\n  {"name": "B"}\r\n]';

describe('JudgeSession', () => {
  it('judges an edit inside a row row by row, equal to judging the whole text', () => {
    const session = new JudgeSession();
    session.setText(TEXT);
    expect(session.judge(1, spec)?.path).toBe('full');
    const last = session.last;
    if (!last) throw new Error('judged');
    session.prepare(last);
    const at = TEXT.indexOf('{"name"') + 1;
    const edit = { offset: at, length: 0, text: '"email": null, ' };
    expect(session.applyChanges([edit], TEXT.length + edit.text.length)).toBe(true);
    const judged = session.judge(2, spec);
    const edited = TEXT.slice(0, at) + edit.text + TEXT.slice(at);
    expect(judged?.path).toBe('rows');
    expect(judged?.text).toBe(edited);
    expect(judged?.judgement).toEqual(judgePayloadText(edited, spec));
    expect(judged?.bytes).toBe(new TextEncoder().encode(edited).length);
  });

  it('judges the whole text when an edit leaves its row or the spec changed', () => {
    const session = new JudgeSession();
    session.setText(TEXT);
    session.judge(1, spec);
    const end = TEXT.lastIndexOf('}') + 1;
    const added = ',\r\n  {"email": "c@x.io"}';
    session.applyChanges([{ offset: end, length: 0, text: added }], TEXT.length + added.length);
    const judged = session.judge(2, spec);
    expect(judged?.path).toBe('full');
    expect(judged?.judgement.summary.rowCount).toBe(3);
    expect(session.judge(3, spec)?.path).toBe('same');
    expect(session.judge(4, { ...spec, columns: [] })?.path).toBe('full');
  });

  it('asks for the whole text when it has none or its copy went astray', () => {
    const session = new JudgeSession();
    expect(session.applyChanges([{ offset: 0, length: 0, text: ' ' }], 1)).toBe(false);
    session.setText(TEXT);
    expect(session.applyChanges([{ offset: 0, length: 0, text: ' ' }], TEXT.length)).toBe(false);
    expect(session.judge(1, spec)).toBeUndefined();
  });

  it('keeps parsed rows up to date after a row-by-row edit', () => {
    const session = new JudgeSession();
    session.setText(TEXT);
    const first = session.judge(1, spec);
    if (!first) throw new Error('judged');
    session.rowsOf(first);
    const at = TEXT.indexOf('"B"');
    session.applyChanges([{ offset: at, length: 3, text: '"C"' }], TEXT.length);
    const judged = session.judge(2, spec);
    if (!judged) throw new Error('judged');
    expect(judged.path).toBe('rows');
    expect(session.rowsOf(judged)).toEqual([{ email: 'a@x.io' }, { name: 'C' }]);
  });
});

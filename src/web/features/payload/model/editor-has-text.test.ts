import { describe, expect, it } from 'vitest';
import { editorHasText, isBlankText } from './editor-has-text.ts';

/** An editor holding `text`; `readable: false` fails any read of the whole text. */
const editorWith = (text: string, readable = true) => ({
  textLength: () => ({ length: text.length, version: 1 }),
  snapshot: () => {
    if (!readable) throw new Error('the whole text was read');
    return { text, version: 1 };
  },
});

describe('editorHasText', () => {
  it('tells whitespace from text in a short payload', () => {
    expect(editorHasText(editorWith(''))).toBe(false);
    expect(editorHasText(editorWith('  \n\t '))).toBe(false);
    expect(editorHasText(editorWith(' [{"a": 1}] '))).toBe(true);
  });

  it('never reads a long text: over 64k characters counts as text', () => {
    expect(editorHasText(editorWith('x'.repeat(70_000), false))).toBe(true);
    expect(editorHasText(editorWith('', false))).toBe(false);
  });
});

describe('isBlankText', () => {
  const reading = (start: string) => ({ readRange: () => start });
  it('trims a short text itself', () => {
    expect(isBlankText(reading('unused'), ' \n ')).toBe(true);
    expect(isBlankText(reading('unused'), ' [] ')).toBe(false);
  });
  it('tells a long text by its start, read from the editor', () => {
    const long = `[${' '.repeat(70_000)}]`;
    expect(isBlankText(reading('['), long)).toBe(false);
    // A start of only whitespace: the whole text decides.
    expect(isBlankText(reading('   '), ' '.repeat(70_000))).toBe(true);
    expect(isBlankText(reading('   '), long)).toBe(false);
  });
});

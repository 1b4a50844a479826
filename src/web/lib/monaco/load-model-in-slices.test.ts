import fc from 'fast-check';
import type { IRange } from 'monaco-editor/editor';
import { describe, expect, it } from 'vitest';
import {
  MONACO_LARGE_FILE_LINES,
  isLargeFileText,
  loadModelInSlices,
  sliceEnd,
  type SliceTarget,
} from './load-model-in-slices.ts';

const breaksIn = (text: string, base: number): number[] => {
  const starts: number[] = [];
  const breaks = /\r\n|\r|\n/g;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    starts.push(base + match.index + match[0].length);
  }
  return starts;
};

/** Index of the first of the sorted `values` above `value`. */
const firstAbove = (values: number[], value: number): number => {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) <= value) low = middle + 1;
    else high = middle;
  }
  return low;
};

/**
 * A text model as Monaco counts lines and columns (\r\n, \r and \n end a line). Its line
 * starts are kept up to date per edit, so a text of 300k lines loads in a test's time; an
 * edit must not split a \r\n, which the loader never does.
 */
class FakeModel implements SliceTarget {
  edits = 0;
  readonly createdWith: string;
  #starts: number[];

  constructor(public text: string) {
    this.createdWith = text;
    this.#starts = [0, ...breaksIn(text, 0)];
  }

  #offset(lineNumber: number, column: number): number {
    return (this.#starts[lineNumber - 1] ?? Number.NaN) + column - 1;
  }

  getLineCount(): number {
    return this.#starts.length;
  }

  getLineMaxColumn(lineNumber: number): number {
    const start = this.#starts[lineNumber - 1] ?? Number.NaN;
    const next = this.#starts[lineNumber];
    const end =
      next === undefined
        ? this.text.length
        : next - (this.text.slice(next - 2, next) === '\r\n' ? 2 : 1);
    return end - start + 1;
  }

  isDisposed(): boolean {
    return false;
  }

  applyEdits(operations: { range: IRange; text: string }[]): void {
    for (const { range, text } of operations) {
      const from = this.#offset(range.startLineNumber, range.startColumn);
      const to = this.#offset(range.endLineNumber, range.endColumn);
      this.text = this.text.slice(0, from) + text + this.text.slice(to);
      const shift = text.length - (to - from);
      const starts = this.#starts;
      const first = firstAbove(starts, from);
      const after = firstAbove(starts, to);
      for (let index = after; index < starts.length; index += 1) {
        starts[index] = (starts[index] ?? 0) + shift;
      }
      // concat, not splice(...spread): a slice can hold more lines than a call takes arguments.
      this.#starts = starts.slice(0, first).concat(breaksIn(text, from), starts.slice(after));
      this.edits += 1;
    }
  }
}

function load(text: string): Promise<{ model: FakeModel; started: FakeModel; complete: boolean }> {
  return new Promise((resolve) => {
    let started: { model: FakeModel; complete: boolean } | undefined;
    loadModelInSlices({
      text,
      createModel: (first) => new FakeModel(first),
      onStart: (model, complete) => {
        started = { model, complete };
        if (complete) resolve({ model, started: model, complete });
      },
      onDone: (model) => {
        if (started) resolve({ model, started: started.model, complete: started.complete });
      },
    });
  });
}

const rows = (count: number): string =>
  JSON.stringify(
    Array.from({ length: count }, (_, index) => ({ email: `p${String(index)}@example.com` })),
    null,
    2,
  );

describe('sliceEnd', () => {
  it('cuts after the last line break within the size', () => {
    expect(sliceEnd('ab\ncd\nef', 0, 7)).toBe(6);
    expect(sliceEnd('ab\ncd\nef', 3, 4)).toBe(6);
  });

  it('takes the rest when it fits', () => {
    expect(sliceEnd('ab\ncd', 0, 10)).toBe(5);
  });

  it('cuts a long line, but never between \\r and \\n or inside a surrogate pair', () => {
    expect(sliceEnd('abcdef', 0, 3)).toBe(3);
    expect(sliceEnd('ab\r\ncd', 0, 3)).toBe(2);
    expect(sliceEnd('ab😀cd', 0, 3)).toBe(2);
  });
});

describe('isLargeFileText', () => {
  it('follows Monaco: over 300k lines', () => {
    expect(isLargeFileText('\n'.repeat(MONACO_LARGE_FILE_LINES - 1))).toBe(false);
    expect(isLargeFileText('\n'.repeat(MONACO_LARGE_FILE_LINES))).toBe(true);
  });
});

describe('loadModelInSlices', () => {
  it('creates a small text at once', async () => {
    const { model, complete } = await load('[{"a": 1}]');
    expect(complete).toBe(true);
    expect(model.text).toBe('[{"a": 1}]');
    expect(model.edits).toBe(0);
  });

  it('starts with the first lines and appends the rest a slice at a time', async () => {
    const text = rows(3_000);
    const { model, complete } = await load(text);
    expect(complete).toBe(false);
    expect(model.createdWith.length).toBeLessThan(text.length);
    expect(text.startsWith(model.createdWith)).toBe(true);
    expect(model.edits).toBeGreaterThan(0);
    expect(model.text).toBe(text);
  });

  it('pads a text Monaco would open in large-file mode over its line limit, then unpads it', async () => {
    const text = rows(MONACO_LARGE_FILE_LINES / 3);
    expect(isLargeFileText(text)).toBe(true);
    const { model } = await load(text);
    expect(isLargeFileText(model.createdWith)).toBe(true);
    expect(model.createdWith.length).toBeLessThan(text.length);
    expect(model.text).toBe(text);
  });

  it('puts any text together again exactly', async () => {
    const piece = fc.constantFrom(
      '{',
      '"a": 1',
      ' ',
      '\n',
      '\r\n',
      '\r',
      '😀',
      'é',
      'x'.repeat(5000),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 60 }), async (pieces) => {
        const text = pieces.join('').repeat(8);
        const { model } = await load(text);
        expect(model.text).toBe(text);
      }),
      { numRuns: 40 },
    );
  });
});

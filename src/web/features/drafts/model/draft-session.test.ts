import { describe, expect, it } from 'vitest';
import { judgeForeignSave, type Working } from './draft-session.ts';
import { createDraft, type Draft } from './drafts-store.ts';

const draft = createDraft('Leads');
const edited: Draft = { ...draft, name: 'Leads (edited elsewhere)' };
const working = (base: number | undefined, dirty = false): Working => ({ draft, base, dirty });

describe('judgeForeignSave', () => {
  it('ignores the revision it already stands on (its own save, heard back)', () => {
    expect(judgeForeignSave(working(3), { revision: 3, value: edited })).toEqual({
      action: 'ignore',
    });
  });

  it('adopts a newer revision with the same content, asking nothing', () => {
    expect(
      judgeForeignSave(working(3), { revision: 4, value: { ...draft, updatedAt: 9 } }),
    ).toEqual({ action: 'adopt', revision: 4 });
  });

  it('shows a newer revision with other content as a conflict, dirty or not', () => {
    const theirs = { revision: 4, value: edited };
    expect(judgeForeignSave(working(3), theirs)).toEqual({ action: 'conflict', theirs });
    expect(judgeForeignSave(working(3, true), theirs)).toEqual({ action: 'conflict', theirs });
  });

  it('a stored draft deleted elsewhere is a conflict, so the shown one is not lost', () => {
    expect(judgeForeignSave(working(2), undefined)).toEqual({
      action: 'conflict',
      theirs: undefined,
    });
  });
});

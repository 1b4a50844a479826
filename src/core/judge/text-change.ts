/** One replacement in a text: UTF-16 offsets, as Monaco's content changes give them. */
export type TextChange = { offset: number; length: number; text: string };

/** The text with `change` applied. */
export const applyTextChange = (text: string, change: TextChange): string =>
  text.slice(0, change.offset) + change.text + text.slice(change.offset + change.length);

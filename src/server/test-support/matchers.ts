import { expect } from 'vitest';

/** Vitest's asymmetric matchers are typed `any`; these hand them on as `unknown`. */
export const containing = (text: string): unknown => expect.stringContaining(text);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

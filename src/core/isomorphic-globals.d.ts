/**
 * The few globals src/core may use: both browsers and Node have them. The room's tsconfig
 * has no DOM and no Node types, so `window`, `process` or `Buffer` here fail the typecheck.
 */
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class URL {
  constructor(url: string, base?: string);
  static canParse(url: string, base?: string): boolean;
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}

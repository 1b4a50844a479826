// autocannon ships no types and @types/autocannon is not installed: the part the bench uses.
declare module 'autocannon' {
  type Histogram = { average: number; mean: number; p50: number; p99: number; max: number };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    /** Worker threads that send the requests (0: on the caller's own thread). */
    workers?: number;
    /** Replace `[<id>]` in the request (headers and body too) with a fresh id each time. */
    idReplacement?: boolean;
  };
  export type Result = {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  };
  function autocannon(options: Options): Promise<Result>;
  // The package's real shape: module.exports is the function (a default import).
  // eslint-disable-next-line no-restricted-syntax
  export default autocannon;
}

import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Resolve } from '../delivery-destination.ts';

/** The most of a receiver's answer read: only a snippet of it is ever shown. */
const ANSWER_MAX_BYTES = 64 * 1024;

export type PostAnswer = { status: number; ok: boolean; text: string };

/**
 * A resolver that asks once per host and then always gives that first answer. The delivery
 * checks the addresses a name resolves to (never Inlet's own API) and then connects with
 * this same resolver, so the connection goes to an address that was checked: a DNS answer
 * that changes between the check and the connection (rebinding) cannot swap it.
 */
export function resolveOnce(resolve: Resolve): Resolve {
  const answers = new Map<string, Promise<readonly string[]>>();
  return (host) => {
    let answer = answers.get(host);
    if (answer === undefined) {
      answer = resolve(host);
      answers.set(host, answer);
    }
    return answer;
  };
}

/** A `lookup` for node:net that answers from `resolve`, in either of its calling shapes. */
function lookupFrom(resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const entries = addresses.map((address) => ({ address, family: isIP(address) || 4 }));
        const first = entries[0];
        if (first === undefined) {
          callback(new Error(`${hostname} resolved to no address`), '', 4);
        } else if (options.all) {
          // node:net asks for every address when it races IPv4 against IPv6.
          (callback as unknown as (error: null, all: typeof entries) => void)(null, entries);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error(String(error)), '', 4);
      },
    );
  };
}

/**
 * POSTs `body` to `url` and reads at most 64 KiB of the answer; redirects are not followed.
 * The host name is resolved with `resolve` (see `resolveOnce`), never looked up again.
 * Rejects on a network error, and with a TimeoutError after `timeoutMs`.
 */
export function postPinned(
  url: URL,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  resolve: Resolve,
): Promise<PostAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((settle, fail) => {
    const timeout = new Error(`no answer within ${init.timeoutMs} ms`);
    timeout.name = 'TimeoutError';
    const outgoing = send(
      url,
      {
        method: 'POST',
        headers: { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) },
        lookup: lookupFrom(resolve),
        timeout: init.timeoutMs,
      },
      (answer: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        answer.on('data', (chunk: Buffer) => {
          if (size >= ANSWER_MAX_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
        });
        answer.on('end', () => {
          const status = answer.statusCode ?? 0;
          settle({
            status,
            ok: status >= 200 && status < 300,
            text: Buffer.concat(chunks).subarray(0, ANSWER_MAX_BYTES).toString('utf8'),
          });
        });
        answer.on('error', fail);
      },
    );
    const deadline = setTimeout(() => outgoing.destroy(timeout), init.timeoutMs);
    outgoing.on('timeout', () => outgoing.destroy(timeout));
    outgoing.on('error', fail);
    outgoing.on('close', () => {
      clearTimeout(deadline);
    });
    outgoing.end(init.body);
  });
}

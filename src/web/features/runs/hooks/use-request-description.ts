import { useCallback } from 'react';
import type { RunRequestDescription } from '@core/snippets/run-request.ts';
import type { WorkflowResponse } from '@core/wire/workflow.ts';
import type { Connection } from '@web/lib/api/connection.ts';
import type { OverrideReading } from '../model/effective-spec.ts';
import { runBodyOf } from '../model/prepare-run.ts';

/** Where requests go and which key the browser holds for them, for one target. */
export type RunAccess = {
  connection: Connection;
  upstreamBase: string | undefined;
  userKey: string;
  serverHasKey: boolean;
};

/**
 * The key a copied request may reveal, if the browser holds one: never the sandbox key (the
 * page's calls carry the UI cookie and the page never sees the key; snippets name it).
 */
export const canRevealKey = (access: RunAccess): boolean =>
  access.connection.target !== 'sandbox' && !access.serverHasKey && access.userKey !== '';

/** Where the key of a copied request comes from, for its target. */
export function copiedKeyHint(access: RunAccess): string {
  if (access.connection.target === 'sandbox') {
    return 'the sandbox’s is in sandbox-api-key in its data directory, or INLET_API_KEY';
  }
  return access.serverHasKey
    ? 'the request goes to Sixtyfour directly: use your Sixtyfour API key; the server’s SIXTYFOUR_API_KEY is never shown here'
    : 'the request goes to Sixtyfour directly: use the Sixtyfour API key typed above, or “Copy with key”';
}

/** The run request "Run test" would send now, for "Copy as curl / JavaScript / Python". */
export function useRequestDescription(
  access: RunAccess,
  workflow: WorkflowResponse | undefined,
  payloadText: string,
  reading: OverrideReading,
  saveJson: boolean,
) {
  const { connection, upstreamBase, userKey, serverHasKey } = access;
  const target = connection.target;
  return useCallback(
    (revealKey: boolean): RunRequestDescription | undefined => {
      if (!workflow) return undefined;
      // The body only: copying a request judges nothing (the preflight is "Run test"'s).
      const sent = runBodyOf(payloadText, reading);
      const body = sent?.kind === 'json' ? sent.body : {};
      const base =
        target === 'sandbox'
          ? window.location.origin
          : (upstreamBase ?? 'https://api.sixtyfour.ai');
      const apiKey = target === 'sandbox' || serverHasKey ? undefined : userKey;
      return {
        url: `${base}/workflows/run`,
        query: [
          ['workflow_id', workflow.id],
          ...(saveJson ? [['save_json', 'true'] as const] : []),
        ],
        apiKey: apiKey === '' ? undefined : apiKey,
        keyPlaceholder: target === 'sandbox' ? 'YOUR_SANDBOX_API_KEY' : 'YOUR_SIXTYFOUR_API_KEY',
        revealKey,
        idempotencyKey: crypto.randomUUID(),
        body,
      };
    },
    [workflow, payloadText, reading, target, upstreamBase, serverHasKey, userKey, saveJson],
  );
}

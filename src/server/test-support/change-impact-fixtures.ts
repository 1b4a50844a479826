import type { InjectOptions, LightMyRequestResponse } from 'fastify';

/*
 * What the change-impact tests share (issue 15, "Changes checked against evidence"): a spec
 * before and after a change that makes `website` required, and the two requests they send,
 * a run request to be recorded in the inbox and the impact question about those recorded.
 */

export const jsonHeaders = { 'content-type': 'application/json' };

/** A company spec: `company_name` required, `website` optional. */
export const before = {
  input_schema: {
    company_name: { type: 'string', required: true },
    website: { type: 'string', required: false },
  },
  dataframe_type: 'COMPANY',
};

/** The same spec with `website` made required. */
export const after = {
  ...before,
  input_schema: { ...before.input_schema, website: { type: 'string', required: true } },
};

/** An app's inject: the sandbox key's `TestApp.call`, or a wrapper of `app.inject`. */
export type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

/**
 * `POST {base}/workflows/run?workflow_id=…` with `body` sent as it is (a string, so it may be
 * malformed JSON); `base` is '/inlet/sixtyfour' for the proxy to the live target.
 */
export const postRun = (
  inject: Inject,
  workflowId: string,
  body: string,
  { base = '', headers = {} }: { base?: string; headers?: Record<string, string> } = {},
) =>
  inject({
    method: 'POST',
    url: `${base}/workflows/run?workflow_id=${workflowId}`,
    payload: body,
    headers: { ...jsonHeaders, ...headers },
  });

/** `POST /inlet/inbox/impact` with `payload` as JSON; the answer as it came. */
export const postImpact = (inject: Inject, payload: unknown) =>
  inject({
    method: 'POST',
    url: '/inlet/inbox/impact',
    payload: JSON.stringify(payload),
    headers: jsonHeaders,
  });

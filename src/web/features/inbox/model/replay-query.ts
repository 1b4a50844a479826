/**
 * The query a replay sends: the workflow chosen, and `save_json=true` when the recorded
 * request asked for it (a replay repeats the request; only where it goes may change).
 */
export function replayQuery(
  recordedUrl: string,
  workflowId: string,
): { workflow_id: string; save_json: true | undefined } {
  const at = recordedUrl.indexOf('?');
  const params = new URLSearchParams(at === -1 ? '' : recordedUrl.slice(at + 1));
  return {
    workflow_id: workflowId,
    save_json: params.get('save_json')?.toLowerCase() === 'true' ? true : undefined,
  };
}

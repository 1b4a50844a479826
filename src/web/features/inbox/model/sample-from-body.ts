/**
 * The text "Open as sample" puts in the payload editor: the request's `webhook_payload`,
 * pretty-printed, when the body is JSON holding one; otherwise the body as it was sent, so a
 * malformed body shows the same syntax error in the editor.
 */
export function sampleFromBody(body: string): { text: string; asSent: boolean } {
  try {
    const parsed: unknown = JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body);
    if (typeof parsed === 'object' && parsed !== null && 'webhook_payload' in parsed) {
      const payload = parsed.webhook_payload;
      if (payload !== undefined && payload !== null) {
        return { text: JSON.stringify(payload, null, 2), asSent: false };
      }
    }
  } catch {
    // Not JSON: handed over as sent.
  }
  return { text: body, asSent: true };
}

/** Query parameters whose values never reach a log line. */
const SECRET_PARAM =
  /^(x-api-key|api[-_]?key|apikey|key|token|access[-_]?token|secret|signature|password|authorization)$/i;

/**
 * A request URL fit for a log: values of secret-looking query parameters (a key someone put
 * in the query string, a download signature) become `…`. The key is never accepted from the
 * query, but a client may still send it there.
 */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const query = url
    .slice(question + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      let name = rawName;
      try {
        name = decodeURIComponent(rawName.replaceAll('+', ' '));
      } catch {
        // A malformed escape: judge the name as sent.
      }
      return equals >= 0 && SECRET_PARAM.test(name.trim()) ? `${rawName}=…` : pair;
    })
    .join('&');
  return `${url.slice(0, question)}?${query}`;
}

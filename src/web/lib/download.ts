/** Starts the browser's download of a URL (same- or cross-origin, or a blob: URL). */
export function followDownload(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Saves text as a file through the browser's download. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  followDownload(url, fileName);
  // Revoke after the click has been handled; the download has its own reference by then.
  window.setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/** A file-name stem from a human title: "Leads from Typeform" → "leads-from-typeform". */
function fileStem(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** A file name from a human title: "Leads from Typeform" → "leads-from-typeform.json". */
export function jsonFileName(title: string, fallback = 'webhook-spec'): string {
  return `${fileStem(title) || fallback}.json`;
}

/**
 * A run's result file named after its workflow and run, so downloads of several runs can be
 * told apart: "Leads from Typeform", run 3f2a…, csv → "leads-from-typeform-run-3f2a9c1d.csv".
 */
export function resultFileName(
  workflowName: string | undefined,
  runId: string,
  format: string,
): string {
  const run = `run-${fileStem(runId).slice(0, 8).replace(/-+$/, '') || 'results'}`;
  const workflow = fileStem(workflowName ?? '');
  return `${workflow ? `${workflow}-` : ''}${run}.${format}`;
}

/**
 * The sandbox's own download link asked to save as `fileName` (its Content-Disposition would
 * otherwise win over the link's download attribute). Links elsewhere (Sixtyfour's storage)
 * are signed as they are and left alone.
 */
export function namedDownloadUrl(
  url: string,
  fileName: string,
  origin = window.location.origin,
): string {
  const link = new URL(url, origin);
  if (link.origin !== origin || !link.pathname.startsWith('/inlet/downloads/')) return url;
  link.searchParams.set('save_as', fileName.replace(/\.[a-z0-9]+$/, ''));
  return link.toString();
}

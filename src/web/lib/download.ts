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

/** A file name from a human title: "Leads from Typeform" → "leads-from-typeform.json". */
export function jsonFileName(title: string, fallback = 'webhook-spec'): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem || fallback}.json`;
}

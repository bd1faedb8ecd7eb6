/** Handing the report to the reader: a file download, or the clipboard. */

/**
 * Downloads text as a file through an object URL and a temporary link (no `downloads` permission needed).
 * Answers the object URL, kept alive for a minute so the download (or a test) can still read it.
 */
export function downloadText(fileName: string, mime: string, text: string): string {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return url;
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "citelens-example.org-2026-05-07": a file name from the page's site and the day. */
export function exportFileName(pageUrl: string | null, now = new Date()): string {
  let site = 'page';
  try {
    if (pageUrl) site = new URL(pageUrl).hostname.replace(/^www\./, '') || site;
  } catch {
    // Keep "page".
  }
  return `citelens-${site.replace(/[^a-z0-9.-]/gi, '_')}-${now.toISOString().slice(0, 10)}`;
}

import { NetworkError, toApiError } from './apiClient.ts';
import { contentDispositionFileName } from './contentDispositionFileName.ts';

/** How long the file's blob URL stays valid after the download started (ms). */
const revokeAfterMs = 60_000;

/**
 * Fetches a file from the API and hands it to the browser as a download, under the name the server
 * gave it (`Content-Disposition`), else `fallbackName`. Fetching first, rather than following a
 * link, lets the page show that the file is being prepared and say why it failed.
 * Throws ApiError for an error answer and NetworkError when no answer came; aborts pass through.
 * Resolves with the file name used.
 */
export async function downloadFile(url: string, fallbackName: string, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { Accept: '*/*' } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError('Cannot reach the server. Check your connection and try again.', { cause: error });
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    throw toApiError(response.status, body);
  }
  const blob = await response.blob();
  const fileName = contentDispositionFileName(response.headers.get('Content-Disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), revokeAfterMs);
  return fileName;
}

/**
 * Copies text with the asynchronous Clipboard API. Resolves false where it is missing (plain http
 * on another host than localhost) or refused, so the caller can select the text for Ctrl+C instead.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

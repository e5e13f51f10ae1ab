import type { Editor } from '@tiptap/core';
import type { Thread } from '@lcs/shared';
import { suggestionTransaction, wouldApply } from '../editor/comments/applySuggestion.ts';
import { bindingOf, isDetached, resolveAnchor } from '../editor/comments/threadAnchors.ts';
import type { AnchorRange } from '../editor/comments/threadAnchors.ts';
import { errorMessage } from '../lib/apiClient.ts';
import { decideSuggestion } from '../lib/threadsApi.ts';

/** A suggestion that cannot be accepted here; the message says why. */
export class CannotApplyError extends Error {
  override readonly name = 'CannotApplyError';
}

function currentRange(editor: Editor, thread: Thread): AnchorRange | null {
  const binding = bindingOf(editor.state);
  const range = binding && resolveAnchor(binding, thread.anchor, editor.state.doc.content.size);
  return range && !isDetached(thread, range) ? range : null;
}

/**
 * Accepts a suggestion: records the decision, then applies the replacement in one transaction.
 * The decision goes first because the server takes only one: if two members accept at once, only
 * the one it accepted changes the text, so the replacement can never be applied twice.
 */
export async function acceptSuggestion(editor: Editor, documentId: string, thread: Thread): Promise<void> {
  const replacement = thread.suggestion?.replacement ?? '';
  const range = currentRange(editor, thread);
  if (!range) throw new CannotApplyError('The text this suggestion was about was deleted, so it cannot be applied. Reject it instead.');
  if (!wouldApply(editor.state, suggestionTransaction(editor.state, range, replacement))) {
    throw new CannotApplyError('This change would break the strategy’s sections, so it cannot be applied.');
  }
  await decideSuggestion(documentId, thread.id, 'accepted');
  // The text may have moved while the request was out: find it again.
  const now = currentRange(editor, thread);
  if (now && !editor.isDestroyed) editor.view.dispatch(suggestionTransaction(editor.state, now, replacement));
}

export async function rejectSuggestion(documentId: string, thread: Thread): Promise<void> {
  await decideSuggestion(documentId, thread.id, 'rejected');
}

/** Accepts or rejects each suggestion in turn; returns a message for each one that failed. */
export async function decideAll(editor: Editor, documentId: string, threads: readonly Thread[], decision: 'accepted' | 'rejected'): Promise<string[]> {
  const problems: string[] = [];
  for (const thread of threads) {
    try {
      if (decision === 'accepted') await acceptSuggestion(editor, documentId, thread);
      else await rejectSuggestion(documentId, thread);
    } catch (error) {
      const what = thread.quote ? `“${thread.quote.slice(0, 40)}”` : 'an insertion';
      problems.push(`${what}: ${error instanceof CannotApplyError ? error.message : errorMessage(error)}`);
    }
  }
  return problems;
}

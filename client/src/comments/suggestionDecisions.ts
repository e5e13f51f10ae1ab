import type { Editor } from '@tiptap/core';
import type { Thread } from '@lcs/shared';
import { suggestionTransaction, wouldApply } from '../editor/comments/applySuggestion.ts';
import { bindingOf, isDetached, isPointThread, resolveThreadAnchor } from '../editor/comments/threadAnchors.ts';
import type { AnchorRange } from '../editor/comments/threadAnchors.ts';
import { decideSuggestion } from '../lib/threadsApi.ts';
import type { OutboxRequest } from './commentOutbox.ts';
import { CannotApplyError, EditorGoneError, sendErrorMessage } from './sendErrors.ts';
import type { Outbox } from './useOutbox.ts';

function currentRange(editor: Editor, thread: Thread): AnchorRange | null {
  const binding = bindingOf(editor.state);
  const range = binding && resolveThreadAnchor(binding, thread, editor.state.doc.content.size);
  return range && !isDetached(thread, range) ? range : null;
}

/** The range an accept would replace now, and its text; throws when it cannot be applied. */
function acceptableRange(editor: Editor, thread: Thread): { range: AnchorRange; text: string } {
  const range = currentRange(editor, thread);
  if (!range) {
    const what = isPointThread(thread) ? 'The text around the place this insertion was proposed' : 'The text this suggestion was about';
    throw new CannotApplyError(`${what} was deleted, so it cannot be applied. Reject it instead.`);
  }
  if (!wouldApply(editor.state, suggestionTransaction(editor.state, range, thread.suggestion?.replacement ?? ''))) {
    throw new CannotApplyError('This change would break the strategy’s sections, so it cannot be applied.');
  }
  return { range, text: editor.state.doc.textBetween(range.from, range.to, '\n') };
}

/**
 * What to send (or queue) for accepting `thread` now: the decision and the text it replaces as the
 * person sees it. Throws CannotApplyError at once when it could not be applied even now.
 */
export function acceptRequest(editor: Editor, thread: Thread): OutboxRequest {
  return { kind: 'decide', threadId: thread.id, decision: 'accepted', text: acceptableRange(editor, thread).text };
}

/**
 * Sends an accept: records the decision, then applies the replacement in one transaction.
 * The decision goes first because the server takes only one: if two members accept at once (or
 * one accepted offline while another decided), only the one it accepted changes the text, so the
 * replacement can never be applied twice. An accept queued offline is checked again here, against
 * the document as it is after reconnecting: if the text it replaces changed since the person
 * accepted, it is refused instead of applied to text they never saw. `requestId` lets a retry after
 * a lost answer succeed again (and so apply the text) rather than be refused as "already accepted".
 */
export async function sendAccept(editor: Editor, documentId: string, thread: Thread, requestId: string, text: string | undefined): Promise<void> {
  if (editor.isDestroyed) throw new EditorGoneError('The editor is closed');
  const replacement = thread.suggestion?.replacement ?? '';
  const { text: now } = acceptableRange(editor, thread);
  if (text !== undefined && now !== text) {
    throw new CannotApplyError(`The text changed after you accepted this suggestion (it now reads “${now.slice(0, 60)}”), so it was not applied. Review it again.`);
  }
  await decideSuggestion(documentId, thread.id, 'accepted', requestId);
  // The text may have moved while the request was out: find it again.
  const range = currentRange(editor, thread);
  if (range && !editor.isDestroyed) editor.view.dispatch(suggestionTransaction(editor.state, range, replacement));
}

export interface DecideAllOutcome {
  /** A message for each suggestion that could not be decided. */
  problems: string[];
  /** How many decisions wait in the outbox (offline). */
  queued: number;
}

/** Accepts or rejects each suggestion in turn through the outbox. */
export async function decideAll(editor: Editor, outbox: Outbox, threads: readonly Thread[], decision: 'accepted' | 'rejected'): Promise<DecideAllOutcome> {
  const outcome: DecideAllOutcome = { problems: [], queued: 0 };
  for (const thread of threads) {
    try {
      const request: OutboxRequest = decision === 'accepted' ? acceptRequest(editor, thread) : { kind: 'decide', threadId: thread.id, decision };
      if ((await outbox.submit(request)) === 'queued') outcome.queued += 1;
    } catch (error) {
      const what = thread.quote ? `“${thread.quote.slice(0, 40)}”` : 'an insertion';
      outcome.problems.push(`${what}: ${sendErrorMessage(error)}`);
    }
  }
  return outcome;
}

import { ApiError, errorMessage } from './apiClient.ts';

/** Why joining failed, and whether trying the same link again could help. */
export interface JoinProblem {
  message: string;
  /** False when the link itself is unusable: only a new link from the facilitator helps. */
  canRetry: boolean;
}

const notValid = 'This invitation link is not valid. Check that you opened the whole link, or ask your facilitator for a new one.';

const linkProblems: Readonly<Record<string, string>> = {
  invitation_not_found: notValid,
  invitation_expired: 'This invitation link has expired. Ask your facilitator for a new one.',
  invitation_revoked: 'This invitation link has been withdrawn. Ask your facilitator for a new one.',
  invitation_used_up: 'This invitation link has already been used as many times as allowed. Ask your facilitator for a new one.',
};

/** A sentence for a failed `POST /api/invitations/redeem`, for the join page. */
export function joinErrorMessage(error: unknown): JoinProblem {
  if (error instanceof ApiError) {
    const linkProblem = linkProblems[error.code];
    if (linkProblem) return { message: linkProblem, canRetry: false };
    if (error.code === 'too_many_attempts') return { message: 'Too many attempts from this network. Wait a few minutes, then try again.', canRetry: true };
    // A token too short to be one of ours fails validation before any lookup.
    if (error.status === 400 && error.details.some((detail) => detail.path === 'token')) return { message: notValid, canRetry: false };
  }
  return { message: errorMessage(error), canRetry: true };
}

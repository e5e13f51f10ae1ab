import type { CreateInvitationBody, Role } from '@lcs/shared';
import type { FieldErrors } from './fieldErrors.ts';

/** The invitation form as typed. `teamId` is `''` for "no team"; numbers are the fields' text. */
export interface InvitationForm {
  role: Role;
  teamId: string;
  expiresInHours: string;
  maxUses: string;
}

/** Same bounds as the server: at most 90 days, at most 500 people per link. */
const maxExpiryHours = 24 * 90;
const maxUsesLimit = 500;

function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * The request body for an invitation, or what is wrong with the form. Facilitators join no
 * workshop and no team; members and experts need a team; observers may watch a whole workshop.
 */
export function invitationRequest(form: InvitationForm, workshopId: string | null): { body: CreateInvitationBody } | { problems: FieldErrors } {
  const problems: Record<string, string> = {};
  const facilitator = form.role === 'facilitator';
  if (!facilitator && workshopId === null) problems.role = 'Only facilitators can be invited outside a workshop.';
  if ((form.role === 'member' || form.role === 'expert') && !form.teamId) problems.teamId = 'Choose the team they join.';
  const expiresInHours = wholeNumber(form.expiresInHours, 1, maxExpiryHours);
  if (expiresInHours === null) problems.expiresInHours = `A whole number of hours from 1 to ${maxExpiryHours} (90 days).`;
  const maxUses = wholeNumber(form.maxUses, 1, maxUsesLimit);
  if (maxUses === null) problems.maxUses = `A whole number from 1 to ${maxUsesLimit}.`;
  if (expiresInHours === null || maxUses === null || Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      workshopId: facilitator ? null : workshopId,
      role: form.role,
      teamId: facilitator ? null : form.teamId || null,
      expiresInHours,
      maxUses,
    },
  };
}

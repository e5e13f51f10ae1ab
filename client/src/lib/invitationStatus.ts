import type { InvitationDto } from '@lcs/shared';

/** Whether a link still lets people in, and if not, why. */
export type InvitationStatus = 'active' | 'revoked' | 'expired' | 'used-up';

export const invitationStatusLabels: Readonly<Record<InvitationStatus, string>> = {
  active: 'Active',
  revoked: 'Revoked',
  expired: 'Expired',
  'used-up': 'Used up',
};

/** The status the server would apply on redemption, in its order: revoked, then expired, then used up. */
export function invitationStatus(invitation: Pick<InvitationDto, 'revoked' | 'expiresAt' | 'uses' | 'maxUses'>, now: Date): InvitationStatus {
  if (invitation.revoked) return 'revoked';
  if (Date.parse(invitation.expiresAt) <= now.getTime()) return 'expired';
  if (invitation.uses >= invitation.maxUses) return 'used-up';
  return 'active';
}

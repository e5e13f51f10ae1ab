import type { Role } from '@lcs/shared';

/** How each role is named on screen, in the order role pickers list them. */
export const roleLabels: Readonly<Record<Role, string>> = {
  member: 'Team member',
  expert: 'Expert',
  observer: 'Observer',
  facilitator: 'Facilitator',
};

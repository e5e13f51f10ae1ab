import type { PersonDto } from '@lcs/shared';

/**
 * Whether to offer "New strategy" on a team: facilitators on every team, members on their own.
 * Only decides what the page shows; the server applies the same rule to the request.
 */
export function canCreateStrategy(person: Pick<PersonDto, 'role' | 'teamIds' | 'revoked'>, teamId: string): boolean {
  if (person.revoked) return false;
  return person.role === 'facilitator' || (person.role === 'member' && person.teamIds.includes(teamId));
}

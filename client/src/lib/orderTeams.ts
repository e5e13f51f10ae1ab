import type { PersonDto, TeamDto } from '@lcs/shared';

/** The person's own teams first, then the rest; otherwise the server's order is kept. */
export function orderTeams<T extends Pick<TeamDto, 'id'>>(teams: readonly T[], person: Pick<PersonDto, 'teamIds'>): T[] {
  const own = (team: T) => (person.teamIds.includes(team.id) ? 0 : 1);
  return [...teams].sort((a, b) => own(a) - own(b));
}

import type { Access } from '@lcs/shared';
import type { Person } from '../directory/directory.ts';

/** What a strategy needs for an access decision: its team and that team's workshop. */
export interface StrategyScope {
  teamId: string | null;
  workshopId: string | null;
}

/**
 * The one access rule for strategies, used by HTTP routes and the WebSocket alike:
 * - facilitators edit everything (they also export and manage);
 * - members edit their own team's strategies;
 * - experts comment on the teams they are assigned to (the body stays read-only for them);
 * - observers read their team's strategies, or all of their workshop's if they have no team;
 * - revoked people and everyone else: none.
 */
export function strategyAccess(person: Person | undefined, scope: StrategyScope): Access {
  if (!person || person.revokedAt) return 'none';
  if (person.role === 'facilitator') return 'edit';
  if (scope.teamId === null) return 'none';
  const onTeam = person.teamIds.includes(scope.teamId);
  switch (person.role) {
    case 'member':
      return onTeam ? 'edit' : 'none';
    case 'expert':
      return onTeam ? 'comment' : 'none';
    case 'observer':
      return onTeam || (person.teamIds.length === 0 && person.workshopId !== null && person.workshopId === scope.workshopId) ? 'read' : 'none';
  }
}

/** Whether a person may see a workshop's page (its teams and their strategies' titles). */
export function canSeeWorkshop(person: Person, workshopId: string): boolean {
  return !person.revokedAt && (person.role === 'facilitator' || person.workshopId === workshopId);
}

/** Whether a person may create strategies for a team. */
export function canCreateStrategy(person: Person, teamId: string): boolean {
  return !person.revokedAt && (person.role === 'facilitator' || (person.role === 'member' && person.teamIds.includes(teamId)));
}

/** Managing workshops, teams, people and invitations is the facilitators' job. */
export function canManage(person: Person): boolean {
  return !person.revokedAt && person.role === 'facilitator';
}

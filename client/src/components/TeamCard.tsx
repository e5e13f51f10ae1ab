import { useId } from 'react';
import { Link } from 'react-router';
import type { PersonDto } from '@lcs/shared';
import { canCreateStrategy } from '../lib/canCreateStrategy.ts';
import { paths } from '../lib/paths.ts';
import type { TeamWithStrategies } from '../lib/workshopsApi.ts';
import { NewStrategyForm } from './NewStrategyForm.tsx';
import { StrategyList } from './StrategyList.tsx';

/** How a team the person belongs to is marked, by their role in it. */
const ownTeamTags: Partial<Record<PersonDto['role'], string>> = {
  member: 'Your team',
  expert: 'You review this team',
  observer: 'You follow this team',
};

/** One country team on the workshop page: its cities, the strategies the person may see, "New strategy". */
export function TeamCard({ team, person }: { team: TeamWithStrategies; person: PersonDto }) {
  const headingId = useId();
  const tag = person.teamIds.includes(team.id) ? ownTeamTags[person.role] : undefined;
  return (
    <section className="panel team-card" aria-labelledby={headingId}>
      <div className="team-card__heading">
        <h2 id={headingId}>
          <Link to={paths.team(team.workshopId, team.id)}>{team.country}</Link>
        </h2>
        {tag && <span className="tag">{tag}</span>}
      </div>
      <p className="team-card__cities">{team.cities.join(', ')}</p>
      <StrategyList strategies={team.strategies} label={`Strategies of ${team.country}`} workshopId={team.workshopId} />
      {canCreateStrategy(person, team.id) && <NewStrategyForm team={team} />}
    </section>
  );
}

import { Link, useParams } from 'react-router';
import { NewStrategyForm } from '../components/NewStrategyForm.tsx';
import { NoticePage } from '../components/NoticePage.tsx';
import { PersonName } from '../components/PersonName.tsx';
import { StrategyList } from '../components/StrategyList.tsx';
import { WorkshopUnavailable } from '../components/WorkshopUnavailable.tsx';
import { useApiResource } from '../hooks/useApiResource.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import { canCreateStrategy } from '../lib/canCreateStrategy.ts';
import { paths } from '../lib/paths.ts';
import { roleLabels } from '../lib/roleLabels.ts';
import { getWorkshop, listPeople } from '../lib/workshopsApi.ts';

/** `/w/:workshopId/t/:teamId`: one country team, its strategies and its people. */
export function TeamPage() {
  const { workshopId = '', teamId = '' } = useParams();
  const { person } = useSignedIn();
  const { state, reload } = useApiResource(`team:${workshopId}`, async (signal) => {
    const [details, people] = await Promise.all([getWorkshop(workshopId, signal), listPeople(workshopId, signal)]);
    return { ...details, people };
  });
  const team = state.status === 'ready' ? state.data.teams.find((candidate) => candidate.id === teamId) : undefined;
  usePageTitle(team?.country ?? 'Team');

  if (state.status === 'loading') return <p className="muted" role="status">Loading the team…</p>;
  if (state.status === 'error') return <WorkshopUnavailable error={state.error} message={state.message} onRetry={reload} />;
  const back = { to: paths.workshop(workshopId), label: `← ${state.data.workshop.name}` };
  if (!team) {
    return (
      <NoticePage title="Team not found" back={back}>
        <p>This workshop has no such team.</p>
      </NoticePage>
    );
  }
  const members = state.data.people.filter((candidate) => candidate.teamIds.includes(team.id));
  return (
    <div className="page">
      <header className="page-header">
        <Link to={back.to} className="back-link">
          {back.label}
        </Link>
        <h1>{team.country}</h1>
        <p className="team-card__cities">{team.cities.join(', ')}</p>
      </header>
      <section className="panel" aria-labelledby="team-strategies-heading">
        <h2 id="team-strategies-heading">Strategies</h2>
        <StrategyList strategies={team.strategies} label={`Strategies of ${team.country}`} workshopId={workshopId} />
        {canCreateStrategy(person, team.id) && <NewStrategyForm team={team} />}
      </section>
      <section className="panel" aria-labelledby="team-people-heading">
        <h2 id="team-people-heading">People</h2>
        {members.length === 0 ? (
          <p className="muted">No one has joined this team yet.</p>
        ) : (
          <ul className="item-list" aria-label={`People of ${team.country}`}>
            {members.map((member) => (
              <li key={member.id} className="item-list__item">
                <PersonName person={member} />
                <span className="item-list__meta">{member.revoked ? 'Revoked' : roleLabels[member.role]}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

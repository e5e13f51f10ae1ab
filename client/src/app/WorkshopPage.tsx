import { Link, useParams } from 'react-router';
import { WorkshopExportPanel } from '../components/export/WorkshopExportPanel.tsx';
import { TeamCard } from '../components/TeamCard.tsx';
import { WorkshopDates } from '../components/WorkshopDates.tsx';
import { WorkshopUnavailable } from '../components/WorkshopUnavailable.tsx';
import { useApiResource } from '../hooks/useApiResource.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import { orderTeams } from '../lib/orderTeams.ts';
import { paths } from '../lib/paths.ts';
import { getWorkshop } from '../lib/workshopsApi.ts';

/** `/w/:workshopId`: the workshop, its country teams and their strategies. */
export function WorkshopPage() {
  const { workshopId = '' } = useParams();
  const { person } = useSignedIn();
  const { state, reload } = useApiResource(`workshop:${workshopId}`, (signal) => getWorkshop(workshopId, signal));
  usePageTitle(state.status === 'ready' ? state.data.workshop.name : 'Workshop');

  if (state.status === 'loading') return <p className="muted" role="status">Loading the workshop…</p>;
  if (state.status === 'error') return <WorkshopUnavailable error={state.error} message={state.message} onRetry={reload} />;
  const { workshop, teams } = state.data;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{workshop.name}</h1>
        <WorkshopDates workshop={workshop} />
        {person.role === 'facilitator' && (
          <p>
            <Link to={paths.admin(workshop.id)}>Manage teams, people and invitations</Link>
          </p>
        )}
      </header>
      {person.role === 'facilitator' && teams.length > 0 && <WorkshopExportPanel workshopId={workshop.id} />}
      {teams.length === 0 ? (
        <p className="muted">No country teams yet.</p>
      ) : (
        orderTeams(teams, person).map((team) => <TeamCard key={team.id} team={team} person={person} />)
      )}
    </div>
  );
}

import { Link, useParams } from 'react-router';
import type { PersonDto } from '@lcs/shared';
import { AddTeamForm } from '../components/admin/AddTeamForm.tsx';
import { InvitationCreator } from '../components/admin/InvitationCreator.tsx';
import { InvitationList } from '../components/admin/InvitationList.tsx';
import { PeopleTable } from '../components/admin/PeopleTable.tsx';
import { TemplatesPanel } from '../components/admin/TemplatesPanel.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { NoticePage } from '../components/NoticePage.tsx';
import { WorkshopUnavailable } from '../components/WorkshopUnavailable.tsx';
import { useApiResource } from '../hooks/useApiResource.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import { listInvitations } from '../lib/invitationsApi.ts';
import { paths } from '../lib/paths.ts';
import { getWorkshop, listPeople } from '../lib/workshopsApi.ts';

/** `/w/:workshopId/admin`: a facilitator sets up teams, invitations and people. */
export function AdminPage() {
  const { workshopId = '' } = useParams();
  const { person } = useSignedIn();
  if (person.role !== 'facilitator') {
    return (
      <NoticePage title="Only facilitators manage a workshop" back={{ to: paths.workshop(workshopId), label: 'Back to the workshop' }}>
        <p>Ask a facilitator to add teams, invite people or change roles.</p>
      </NoticePage>
    );
  }
  return <WorkshopAdmin workshopId={workshopId} me={person} />;
}

function WorkshopAdmin({ workshopId, me }: { workshopId: string; me: PersonDto }) {
  const details = useApiResource(`workshop:${workshopId}`, (signal) => getWorkshop(workshopId, signal));
  const invitations = useApiResource('invitations', listInvitations);
  const people = useApiResource(`people:${workshopId}`, (signal) => listPeople(workshopId, signal));
  usePageTitle(details.state.status === 'ready' ? `Administration · ${details.state.data.workshop.name}` : 'Administration');

  if (details.state.status === 'loading') return <p className="muted" role="status">Loading the workshop…</p>;
  if (details.state.status === 'error') return <WorkshopUnavailable error={details.state.error} message={details.state.message} onRetry={details.reload} />;
  const { workshop, teams } = details.state.data;

  return (
    <div className="page">
      <header className="page-header">
        <Link to={paths.workshop(workshop.id)} className="back-link">
          ← {workshop.name}
        </Link>
        <h1>Administration</h1>
      </header>

      <section className="panel" aria-labelledby="admin-teams-heading">
        <h2 id="admin-teams-heading">Teams</h2>
        {teams.length === 0 ? (
          <p className="muted">No teams yet. Add one for each country taking part.</p>
        ) : (
          <ul className="item-list" aria-label="Teams">
            {teams.map((team) => (
              <li key={team.id} className="item-list__item">
                <Link to={paths.team(workshop.id, team.id)} className="item-list__title">
                  {team.country}
                </Link>
                <span className="item-list__meta">
                  <span>{team.cities.join(', ')}</span>
                  <span>
                    {team.strategies.length} {team.strategies.length === 1 ? 'strategy' : 'strategies'}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
        <AddTeamForm workshopId={workshop.id} onAdded={details.refresh} />
      </section>

      <section className="panel" aria-labelledby="admin-invitations-heading">
        <h2 id="admin-invitations-heading">Invitations</h2>
        <p className="muted">
          Each link lets people join with a role: team members edit their team’s strategies, experts read and comment, observers
          read. Facilitator links are for the whole programme.
        </p>
        <InvitationCreator workshopId={workshop.id} teams={teams} onCreated={invitations.refresh} />
        <h3>Links</h3>
        {invitations.state.status === 'loading' && <p className="muted">Loading invitations…</p>}
        {invitations.state.status === 'error' && <LoadError what="the invitations" message={invitations.state.message} onRetry={invitations.reload} />}
        {invitations.state.status === 'ready' && (
          <InvitationList
            // This workshop's links and the facilitator links, which belong to no workshop.
            invitations={invitations.state.data.filter((invitation) => invitation.workshopId === workshop.id || invitation.workshopId === null)}
            teams={teams}
            onChanged={invitations.refresh}
          />
        )}
      </section>

      <section className="panel" aria-labelledby="admin-people-heading">
        <h2 id="admin-people-heading">People</h2>
        {people.state.status === 'loading' && <p className="muted">Loading people…</p>}
        {people.state.status === 'error' && <LoadError what="the people" message={people.state.message} onRetry={people.reload} />}
        {people.state.status === 'ready' && (
          <PeopleTable
            people={people.state.data}
            teams={teams}
            me={me}
            onUpdated={(updated) => people.update((list) => list.map((person) => (person.id === updated.id ? updated : person)))}
          />
        )}
      </section>

      <TemplatesPanel />
    </div>
  );
}

import { Link, Navigate } from 'react-router';
import { InvitationCreator } from '../components/admin/InvitationCreator.tsx';
import { DemoWorkshopButton } from '../components/DemoWorkshopButton.tsx';
import { LoadError } from '../components/LoadError.tsx';
import { NewWorkshopForm } from '../components/NewWorkshopForm.tsx';
import { NoticePage } from '../components/NoticePage.tsx';
import { StrategyList } from '../components/StrategyList.tsx';
import { WorkshopDates } from '../components/WorkshopDates.tsx';
import { useApiResource } from '../hooks/useApiResource.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useSignedIn } from '../hooks/useSession.ts';
import { listDocuments } from '../lib/documentsApi.ts';
import { paths } from '../lib/paths.ts';
import { listWorkshops } from '../lib/workshopsApi.ts';

/** `/`: facilitators pick or create a workshop; everyone else goes straight to theirs. */
export function HomePage() {
  const { person, workshop } = useSignedIn();
  if (person.role === 'facilitator') return <FacilitatorHome />;
  if (workshop) return <Navigate to={paths.workshop(workshop.id)} replace />;
  return (
    <NoticePage title="You are not in a workshop yet">
      <p>Your account is not part of any workshop. Ask your facilitator to add you to one.</p>
    </NoticePage>
  );
}

function FacilitatorHome() {
  usePageTitle('Workshops');
  const workshops = useApiResource('workshops', listWorkshops);
  // Strategies made before teams existed, or by a facilitator for no team, are reachable only here.
  const strategies = useApiResource('strategies', listDocuments);
  const teamless = strategies.state.status === 'ready' ? strategies.state.data.filter((strategy) => strategy.teamId === null) : [];

  return (
    <div className="page">
      <section aria-labelledby="workshops-heading" className="panel">
        <h1 id="workshops-heading">Workshops</h1>
        {workshops.state.status === 'loading' && <p className="muted">Loading workshops…</p>}
        {workshops.state.status === 'error' && <LoadError what="the workshops" message={workshops.state.message} onRetry={workshops.reload} />}
        {workshops.state.status === 'ready' &&
          (workshops.state.data.length === 0 ? (
            <p className="muted">No workshops yet. Create the first one below.</p>
          ) : (
            <ul className="item-list" aria-label="Workshops">
              {workshops.state.data.map((workshop) => (
                <li key={workshop.id} className="item-list__item">
                  <Link to={paths.workshop(workshop.id)} className="item-list__title">
                    {workshop.name}
                  </Link>
                  <WorkshopDates workshop={workshop} />
                </li>
              ))}
            </ul>
          ))}
      </section>
      <section aria-labelledby="new-workshop-heading" className="panel">
        <h2 id="new-workshop-heading">New workshop</h2>
        <NewWorkshopForm />
      </section>
      <section aria-labelledby="demo-workshop-heading" className="panel">
        <h2 id="demo-workshop-heading">Demo workshop</h2>
        <p className="muted">Nine country teams, each with a strategy started from the template, to try the studio out.</p>
        <DemoWorkshopButton />
      </section>
      <section aria-labelledby="facilitator-invitation-heading" className="panel">
        <h2 id="facilitator-invitation-heading">Invite a facilitator</h2>
        <p className="muted">Facilitators run every workshop: they see all teams’ strategies and manage teams, people and invitations.</p>
        <InvitationCreator workshopId={null} teams={[]} />
      </section>
      {teamless.length > 0 && (
        <section aria-labelledby="teamless-heading" className="panel">
          <h2 id="teamless-heading">Strategies without a team</h2>
          <StrategyList strategies={teamless} label="Strategies without a team" />
        </section>
      )}
    </div>
  );
}

import { NoticePage } from '../components/NoticePage.tsx';

/** What anyone without a session sees on every page but the join page. */
export function NotSignedInPage({ byUser }: { byUser: boolean }) {
  return (
    <NoticePage title={byUser ? 'You have signed out' : 'Participation is by invitation only'}>
      <p>
        {byUser ? 'To come back, ' : 'Learning City Studio is open to the people invited to a workshop. To take part, '}
        open the invitation link you received from your facilitator: it signs you in on this browser, no password needed.
      </p>
      <p className="muted">If your link no longer works, ask your facilitator for a new one.</p>
    </NoticePage>
  );
}

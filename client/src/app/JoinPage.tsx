import { useState } from 'react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { FormField } from '../components/FormField.tsx';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';
import { useSession } from '../hooks/useSession.ts';
import { maxDisplayNameLength, normalizeDisplayName } from '../lib/displayName.ts';
import { redeemInvitation } from '../lib/invitationsApi.ts';
import { joinErrorMessage } from '../lib/joinErrorMessage.ts';

/** `/join/:token`: an invitation link. Asks for a display name, then starts a session. */
export function JoinPage() {
  usePageTitle('Join');
  const { token = '' } = useParams();
  const { session, reload } = useSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const { pending, error, run } = useFormSubmit();
  const problem = error === null ? null : joinErrorMessage(error);

  async function join(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const displayName = normalizeDisplayName(name);
    setNameError(displayName ? undefined : 'Enter the name the others will see.');
    if (!displayName) return;
    const joined = await run(() => redeemInvitation(token, displayName).then(() => undefined));
    if (!joined) return;
    // Replace the entry so the invitation token leaves the address bar and the history.
    reload();
    await navigate('/', { replace: true });
  }

  if (problem && !problem.canRetry) {
    return (
      <section className="join panel" aria-labelledby="join-title">
        <h1 id="join-title">This invitation link cannot be used</h1>
        <p role="alert">{problem.message}</p>
      </section>
    );
  }

  return (
    <section className="join panel" aria-labelledby="join-title">
      <h1 id="join-title">You have been invited to Learning City Studio</h1>
      <p>
        Here your country team writes its learning city strategy together, live. Enter your name as the other participants should
        see it: on your cursor while you write, and next to your comments. No password is needed; this link signs you in on
        this browser.
      </p>
      {session.status === 'signed-in' && (
        <p className="join__already">
          You are already signed in as <strong>{session.person.displayName}</strong>. Joining signs this browser in as a new
          person instead. <Link to="/">Continue as {session.person.displayName}</Link>
        </p>
      )}
      <form onSubmit={join} noValidate aria-busy={pending} className="form">
        <FormField label="Your name" error={nameError}>
          {(control) => (
            <input
              {...control}
              type="text"
              value={name}
              maxLength={maxDisplayNameLength}
              autoComplete="name"
              // The one thing to do on this page.
              autoFocus
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        {problem && (
          <p className="form-error" role="alert">
            {problem.message}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Join
          </button>
        </div>
      </form>
    </section>
  );
}

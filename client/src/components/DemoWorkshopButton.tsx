import { useNavigate } from 'react-router';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { errorMessage } from '../lib/apiClient.ts';
import { paths } from '../lib/paths.ts';
import { createDemoWorkshop } from '../lib/workshopsApi.ts';

/** A facilitator creates a demo workshop (nine teams, each with a strategy) to try things out, then opens it. */
export function DemoWorkshopButton() {
  const navigate = useNavigate();
  const { pending, error, run } = useFormSubmit();

  const create = () =>
    void run(async () => {
      const workshop = await createDemoWorkshop();
      await navigate(paths.workshop(workshop.id));
    });

  return (
    <div className="demo-workshop">
      <div className="form__actions">
        <button type="button" className="button" onClick={create} disabled={pending} aria-busy={pending}>
          {pending ? 'Creating the demo workshop…' : 'Create demo workshop'}
        </button>
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          The demo workshop could not be created. {errorMessage(error)}
        </p>
      )}
    </div>
  );
}

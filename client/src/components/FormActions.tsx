import { errorMessage } from '../lib/apiClient.ts';

/** A form's submit button and, under it, why the last submission failed. */
export function FormActions({ label, pending, error }: { label: string; pending: boolean; error: unknown }) {
  return (
    <>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {label}
        </button>
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
    </>
  );
}

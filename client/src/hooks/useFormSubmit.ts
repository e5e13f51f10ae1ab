import { useCallback, useRef, useState } from 'react';

export interface FormSubmission {
  /** A submission is running; the submit button is disabled meanwhile. */
  pending: boolean;
  /** What the last submission threw, until the next one starts; null after a success. */
  error: unknown;
  /**
   * Runs `action` unless a submission is already running. A throw is kept as `error` rather than
   * passed on. Resolves true when the action succeeded.
   */
  run(action: () => Promise<void>): Promise<boolean>;
}

/** The sending state of a form: one submission at a time, its failure kept for display. */
export function useFormSubmit(): FormSubmission {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // A ref as well as state: a double click arrives before React re-renders with `pending`.
  const running = useRef(false);

  const run = useCallback(async (action: () => Promise<void>) => {
    if (running.current) return false;
    running.current = true;
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      running.current = false;
      setPending(false);
    }
  }, []);

  return { pending, error, run };
}

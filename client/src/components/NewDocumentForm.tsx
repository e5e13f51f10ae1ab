import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { createDocumentBodySchema, limits } from '@lcs/shared';
import { errorMessage } from '../lib/apiClient.ts';
import { createDocument } from '../lib/documentsApi.ts';

/** Why a title cannot be sent, in words, or null when it can (same rules as the server). */
function titleProblem(title: string): string | null {
  const parsed = createDocumentBodySchema.safeParse({ title });
  if (parsed.success) return null;
  return title.trim() ? `Keep the title under ${limits.maxTitleLength} characters.` : 'Give the document a title.';
}

/** A title field and a "New document" button; opens the new document once the server created it. */
export function NewDocumentForm() {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const inputId = useId();
  const errorId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const problem = titleProblem(title);
    setError(problem);
    if (problem) return;
    setPending(true);
    try {
      const created = await createDocument(title.trim());
      await navigate(`/d/${encodeURIComponent(created.id)}`);
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return (
    <form className="new-document" onSubmit={submit} noValidate aria-busy={pending}>
      <label htmlFor={inputId} className="new-document__label">
        Title
      </label>
      <div className="new-document__row">
        <input
          id={inputId}
          type="text"
          value={title}
          maxLength={limits.maxTitleLength}
          placeholder="e.g. Lifelong learning strategy 2030"
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={pending}>
          New document
        </button>
      </div>
      {error && (
        <p id={errorId} className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

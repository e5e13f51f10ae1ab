import { Link } from 'react-router';
import { usePageTitle } from '../hooks/usePageTitle.ts';

/** Shown for unknown addresses and for documents that do not exist. */
export function NotFoundPage({ title = 'Page not found', message = 'There is nothing at this address.' }: { title?: string; message?: string }) {
  usePageTitle(title);
  return (
    <section className="notice-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{title}</h1>
      <p>{message}</p>
      <p>
        <Link to="/">Back to all documents</Link>
      </p>
    </section>
  );
}

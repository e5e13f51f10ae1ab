import { Link } from 'react-router';
import type { DocumentListing } from '../lib/documentsApi.ts';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Documents as links to their editor, most recently updated first (the API's order). */
export function DocumentList({ documents }: { documents: DocumentListing[] }) {
  if (documents.length === 0) {
    return <p className="muted">No documents yet. Create the first one above.</p>;
  }
  return (
    <ul className="document-list" aria-label="Documents">
      {documents.map((document) => (
        <li key={document.id} className="document-list__item">
          <Link to={`/d/${encodeURIComponent(document.id)}`} className="document-list__title">
            {document.title}
          </Link>
          <span className="document-list__meta">
            Edited <time dateTime={document.updatedAt}>{formatDate(document.updatedAt)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}

import { DocumentList } from '../components/DocumentList.tsx';
import { NewDocumentForm } from '../components/NewDocumentForm.tsx';
import { useDocuments } from '../hooks/useDocuments.ts';
import { usePageTitle } from '../hooks/usePageTitle.ts';

/** `/`: start a document or open one. */
export function HomePage() {
  usePageTitle('Documents');
  const { state, reload } = useDocuments();

  return (
    <div className="home">
      <section aria-labelledby="new-document-heading" className="panel">
        <h1 id="new-document-heading">Start a document</h1>
        <NewDocumentForm />
      </section>
      <section aria-labelledby="documents-heading" className="panel">
        <h2 id="documents-heading">Documents</h2>
        {state.status === 'loading' && <p className="muted">Loading documents…</p>}
        {state.status === 'error' && (
          <div className="form-error" role="alert">
            <p>Could not load the documents. {state.message}</p>
            <button type="button" className="button" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {state.status === 'ready' && <DocumentList documents={state.documents} />}
      </section>
    </div>
  );
}

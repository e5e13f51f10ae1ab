import { useId } from 'react';
import { useApiResource } from '../../hooks/useApiResource.ts';
import { forgetTemplateChoices } from '../../lib/templateChoices.ts';
import { listTemplates } from '../../lib/templatesApi.ts';
import { LoadError } from '../LoadError.tsx';
import { TemplateUploadForm } from './TemplateUploadForm.tsx';
import './templates.css';

/** The strategy templates of the whole programme (not only this workshop), and the upload of a new one. */
export function TemplatesPanel() {
  const headingId = useId();
  const templates = useApiResource('templates', listTemplates);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Templates</h2>
      <p className="muted">New strategies start from a template: its sections, the guidance for each and the Key Features areas of focus.</p>
      {templates.state.status === 'loading' && <p className="muted">Loading templates…</p>}
      {templates.state.status === 'error' && <LoadError what="the templates" message={templates.state.message} onRetry={templates.reload} />}
      {templates.state.status === 'ready' && (
        <ul className="item-list" aria-label="Templates">
          {templates.state.data.map((template) => (
            <li key={template.id} className="item-list__item" data-testid={`template-${template.id}`}>
              <span className="item-list__title">{template.title}</span>
              <span className="item-list__meta">
                <span>{template.id}</span>
                <span>version {template.version}</span>
                <span>{template.language}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Upload a template</h3>
      <TemplateUploadForm
        onUploaded={() => {
          forgetTemplateChoices();
          templates.refresh();
        }}
      />
    </section>
  );
}

import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { uploadTemplate } from '../../lib/templatesApi.ts';
import type { TemplateSummary } from '../../lib/templatesApi.ts';
import { formatTemplateProblem, templateUploadProblems } from '../../lib/templateUploadProblems.ts';
import { FormField } from '../FormField.tsx';

/**
 * A facilitator uploads a template as a JSON file. The server takes all of it or nothing; every
 * problem it finds is listed here with its path (`sections[3].title: required`).
 */
export function TemplateUploadForm({ onUploaded }: { onUploaded: (template: TemplateSummary) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [uploaded, setUploaded] = useState<TemplateSummary | null>(null);
  const { pending, error, run } = useFormSubmit();
  const failure = error === null ? null : templateUploadProblems(error);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploaded(null);
    const file = input.current?.files?.[0];
    setFileError(file ? undefined : 'Choose a template file (.json).');
    if (!file) return;
    await run(async () => {
      const template = await uploadTemplate(JSON.parse(await file.text()) as unknown);
      setUploaded(template);
      if (input.current) input.current.value = '';
      onUploaded(template);
    });
  }

  return (
    <form className="form form--inline" aria-label="Upload a template" onSubmit={submit} noValidate aria-busy={pending}>
      <FormField label="Template file" hint="A JSON file in the template format; a new version needs a higher version number." error={fileError} className="field--grow">
        {(control) => <input {...control} ref={input} type="file" accept=".json,application/json" onChange={() => setFileError(undefined)} />}
      </FormField>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Uploading…' : 'Upload template'}
        </button>
      </div>
      {failure && (
        <div className="form-error template-problems" role="alert" data-testid="template-problems">
          <p>{failure.headline}</p>
          <ul>
            {failure.problems.map((problem, index) => (
              <li key={index}>{formatTemplateProblem(problem)}</li>
            ))}
          </ul>
        </div>
      )}
      {uploaded && (
        <p className="template-uploaded" role="status" data-testid="template-uploaded">
          Uploaded “{uploaded.title}”, version {uploaded.version}. New strategies can start from it.
        </p>
      )}
    </form>
  );
}

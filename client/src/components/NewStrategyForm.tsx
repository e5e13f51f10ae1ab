import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { TeamDto } from '@lcs/shared';
import { limits } from '@lcs/shared';
import { useApiResource } from '../hooks/useApiResource.ts';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { createDocument } from '../lib/documentsApi.ts';
import { paths } from '../lib/paths.ts';
import { templateChoices } from '../lib/templateChoices.ts';
import { FormActions } from './FormActions.tsx';
import { FormField } from './FormField.tsx';
import type { DocumentLinkState } from './StrategyList.tsx';

/** Value of the city choice that means "the whole team, no one city". */
const noCity = '';

/**
 * Title, city and (when there is more than one) template of a new strategy for one team; opens it
 * once the server created it. Without a choice the server uses the built-in template.
 */
export function NewStrategyForm({ team }: { team: TeamDto }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [city, setCity] = useState(team.cities[0] ?? noCity);
  const templates = useApiResource('template-choices', templateChoices);
  const choices = templates.state.status === 'ready' && templates.state.data.length > 1 ? templates.state.data : null;
  // The server lists the built-in template first: the choice until another is picked.
  const [picked, setPicked] = useState<string | null>(null);
  const templateId = picked ?? choices?.[0]?.id ?? null;
  const [titleError, setTitleError] = useState<string | undefined>();
  const { pending, error, run } = useFormSubmit();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = title.trim();
    setTitleError(trimmed ? undefined : 'Give the strategy a title.');
    if (!trimmed) return;
    await run(async () => {
      const chosen = templateId !== null && choices?.some((template) => template.id === templateId) ? { templateId } : {};
      const created = await createDocument({ title: trimmed, teamId: team.id, city: city === noCity ? null : city, ...chosen });
      const state: DocumentLinkState = { workshopId: team.workshopId };
      await navigate(paths.document(created.id), { state });
    });
  }

  return (
    <form className="form form--inline" aria-label={`New strategy for ${team.country}`} onSubmit={submit} noValidate aria-busy={pending}>
      <FormField label="Title" error={titleError} className="field--grow">
        {(control) => (
          <input
            {...control}
            type="text"
            value={title}
            maxLength={limits.maxTitleLength}
            placeholder="e.g. Learning city strategy 2030"
            onChange={(event) => setTitle(event.target.value)}
          />
        )}
      </FormField>
      <FormField label="City">
        {(control) => (
          <select {...control} value={city} onChange={(event) => setCity(event.target.value)}>
            {team.cities.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value={noCity}>All the team’s cities</option>
          </select>
        )}
      </FormField>
      {choices && (
        <FormField label="Template">
          {(control) => (
            <select {...control} value={templateId ?? ''} onChange={(event) => setPicked(event.target.value)}>
              {choices.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.title} (version {template.version})
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <FormActions label="New strategy" pending={pending} error={error} />
    </form>
  );
}

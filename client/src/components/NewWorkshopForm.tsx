import { useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { serverFieldErrors } from '../lib/fieldErrors.ts';
import type { FieldErrors } from '../lib/fieldErrors.ts';
import { paths } from '../lib/paths.ts';
import { workshopFormProblems } from '../lib/workshopFormProblems.ts';
import type { WorkshopForm } from '../lib/workshopFormProblems.ts';
import { createWorkshop } from '../lib/workshopsApi.ts';
import { FormActions } from './FormActions.tsx';
import { FormField } from './FormField.tsx';

const empty: WorkshopForm = { name: '', place: '', startsOn: '', endsOn: '', onlineStartsOn: '', onlineEndsOn: '' };

const dateFields = [
  ['startsOn', 'First day'],
  ['endsOn', 'Last day'],
  ['onlineStartsOn', 'Online phase starts'],
  ['onlineEndsOn', 'Online phase ends'],
] as const;

/** Creates a workshop, then opens its admin page, where its teams and invitations are set up. */
export function NewWorkshopForm() {
  const navigate = useNavigate();
  const [form, setForm] = useState(empty);
  const [problems, setProblems] = useState<FieldErrors>({});
  const { pending, error, run } = useFormSubmit();
  const errors = { ...serverFieldErrors(error), ...problems };
  const set = (field: keyof WorkshopForm) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value }));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = workshopFormProblems(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await run(async () => {
      const workshop = await createWorkshop({
        name: form.name.trim(),
        place: form.place.trim(),
        startsOn: form.startsOn,
        endsOn: form.endsOn,
        onlineStartsOn: form.onlineStartsOn || null,
        onlineEndsOn: form.onlineEndsOn || null,
      });
      await navigate(paths.admin(workshop.id));
    });
  }

  return (
    <form className="form" aria-label="New workshop" onSubmit={submit} noValidate aria-busy={pending}>
      <FormField label="Workshop name" error={errors.name}>
        {(control) => <input {...control} type="text" value={form.name} maxLength={200} onChange={set('name')} />}
      </FormField>
      <FormField label="Place" hint="e.g. the host university and city" error={errors.place}>
        {(control) => <input {...control} type="text" value={form.place} maxLength={200} onChange={set('place')} />}
      </FormField>
      <div className="form__row">
        {dateFields.map(([field, label]) => (
          <FormField key={field} label={label} error={errors[field]}>
            {(control) => <input {...control} type="date" value={form[field]} onChange={set(field)} />}
          </FormField>
        ))}
      </div>
      <FormActions label="New workshop" pending={pending} error={error} />
    </form>
  );
}

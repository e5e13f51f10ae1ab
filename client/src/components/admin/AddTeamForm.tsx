import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { parseCities } from '../../lib/parseCities.ts';
import { createTeam } from '../../lib/workshopsApi.ts';
import { FormActions } from '../FormActions.tsx';
import { FormField } from '../FormField.tsx';

/** Adds a country team; the form empties and keeps focus, so nine teams go in one after another. */
export function AddTeamForm({ workshopId, onAdded }: { workshopId: string; onAdded: () => void }) {
  const [country, setCountry] = useState('');
  const [cities, setCities] = useState('');
  const [errors, setErrors] = useState<{ country?: string; cities?: string }>({});
  const { pending, error, run } = useFormSubmit();
  const countryInput = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cityList = parseCities(cities);
    const problems = {
      country: country.trim() ? undefined : 'Enter the country.',
      cities: cityList.length > 0 ? undefined : 'Enter at least one city.',
    };
    setErrors(problems);
    if (problems.country || problems.cities) return;
    const added = await run(() => createTeam(workshopId, { country: country.trim(), cities: cityList }).then(() => undefined));
    if (!added) return;
    setCountry('');
    setCities('');
    onAdded();
    countryInput.current?.focus();
  }

  return (
    <form className="form form--inline" aria-label="Add team" onSubmit={submit} noValidate aria-busy={pending}>
      <FormField label="Country" error={errors.country}>
        {(control) => <input {...control} ref={countryInput} type="text" value={country} maxLength={100} onChange={(event) => setCountry(event.target.value)} />}
      </FormField>
      <FormField label="Cities" hint="Separate cities with commas" error={errors.cities} className="field--grow">
        {(control) => <input {...control} type="text" value={cities} onChange={(event) => setCities(event.target.value)} />}
      </FormField>
      <FormActions label="Add team" pending={pending} error={error} />
    </form>
  );
}

import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TeamDto } from '@lcs/shared';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { serverFieldErrors } from '../../lib/fieldErrors.ts';
import type { FieldErrors } from '../../lib/fieldErrors.ts';
import { createInvitation } from '../../lib/invitationsApi.ts';
import type { CreatedInvitation } from '../../lib/invitationsApi.ts';
import { invitationRequest } from '../../lib/invitationRequest.ts';
import type { InvitationForm } from '../../lib/invitationRequest.ts';
import { roleLabels } from '../../lib/roleLabels.ts';
import { FormActions } from '../FormActions.tsx';
import { FormField } from '../FormField.tsx';
import { RoleOptions } from '../RoleOptions.tsx';
import { InvitationLink } from './InvitationLink.tsx';

export interface InvitationCreatorProps {
  /** The workshop people join; null where only facilitators can be invited. */
  workshopId: string | null;
  teams: readonly TeamDto[];
  onCreated?: () => void;
}

/** Who the link of an invitation is for, in words. */
function audience(invitation: CreatedInvitation, teams: readonly TeamDto[]): string {
  if (invitation.role === 'facilitator') return 'New facilitator link.';
  const team = teams.find((candidate) => candidate.id === invitation.teamId);
  const label = roleLabels[invitation.role];
  return team ? `${label} link for ${team.country}.` : `${label} link for the whole workshop.`;
}

/** The invitation form (role, team, expiry, uses) and, once created, the link with "Copy link". */
export function InvitationCreator({ workshopId, teams, onCreated }: InvitationCreatorProps) {
  const [form, setForm] = useState<InvitationForm>({
    role: workshopId === null ? 'facilitator' : 'member',
    teamId: teams[0]?.id ?? '',
    expiresInHours: '168',
    // A facilitator link usually admits one colleague; a team link the whole team.
    maxUses: workshopId === null ? '1' : '30',
  });
  const [problems, setProblems] = useState<FieldErrors>({});
  const { pending, error, run } = useFormSubmit();
  const errors = { ...serverFieldErrors(error), ...problems };
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const set = (field: keyof InvitationForm) => (event: { target: { value: string } }) => setForm((current) => ({ ...current, [field]: event.target.value }));
  // A team chosen before the teams loaded, or one for an observer's "whole workshop", may need replacing.
  const teamId = form.teamId || form.role === 'observer' ? form.teamId : (teams[0]?.id ?? '');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = invitationRequest({ ...form, teamId }, workshopId);
    setCreated(null);
    setProblems('problems' in request ? request.problems : {});
    if ('problems' in request) return;
    await run(async () => {
      setCreated(await createInvitation(request.body));
      onCreated?.();
    });
  }

  return (
    <>
      <form className="form" aria-label={workshopId === null ? 'New facilitator invitation' : 'New invitation'} onSubmit={submit} noValidate aria-busy={pending}>
        <div className="form__row">
          {workshopId !== null && (
            <FormField label="Role" error={errors.role}>
              {(control) => (
                <select {...control} value={form.role} onChange={set('role')}>
                  <RoleOptions />
                </select>
              )}
            </FormField>
          )}
          {workshopId !== null && form.role !== 'facilitator' && (
            <FormField label="Team" error={errors.teamId ?? (teams.length === 0 ? 'Add a country team first.' : undefined)}>
              {(control) => (
                <select {...control} value={teamId} onChange={set('teamId')}>
                  {teams.map((team) => (
                    <option key={team.id} value={team.id}>
                      {team.country}
                    </option>
                  ))}
                  {form.role === 'observer' && <option value="">Whole workshop</option>}
                </select>
              )}
            </FormField>
          )}
          <FormField label="Expires after (hours)" error={errors.expiresInHours}>
            {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={2160} value={form.expiresInHours} onChange={set('expiresInHours')} />}
          </FormField>
          <FormField label="Maximum uses" error={errors.maxUses}>
            {(control) => <input {...control} type="number" inputMode="numeric" min={1} max={500} value={form.maxUses} onChange={set('maxUses')} />}
          </FormField>
        </div>
        {form.role === 'facilitator' && workshopId !== null && (
          <p className="field__hint">Facilitators run every workshop, so the link is not tied to this one or to a team.</p>
        )}
        <FormActions label="Create invitation" pending={pending} error={error} />
      </form>
      {created && <InvitationLink key={created.id} url={created.url} description={audience(created, teams)} />}
    </>
  );
}

import { useState } from 'react';
import type { PersonDto, Role, TeamDto, UpdatePersonBody } from '@lcs/shared';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { errorMessage } from '../../lib/apiClient.ts';
import { revokePerson, updatePerson } from '../../lib/peopleApi.ts';
import { roleLabels } from '../../lib/roleLabels.ts';
import { PersonName } from '../PersonName.tsx';
import { RoleOptions } from '../RoleOptions.tsx';

export interface PersonRowProps {
  person: PersonDto;
  teams: readonly TeamDto[];
  isMe: boolean;
  onUpdated: (person: PersonDto) => void;
}

/**
 * One person: a role picker, their teams as checkboxes (experts may review several teams), and
 * "Revoke", which asks once more because it signs them out at once.
 */
export function PersonRow({ person: saved, teams, isMe, onUpdated }: PersonRowProps) {
  // A change shows at once and is taken back if the server refuses it.
  const [optimistic, setOptimistic] = useState<UpdatePersonBody>({});
  const person: PersonDto = { ...saved, ...optimistic };
  const { pending, error, run } = useFormSubmit();
  const [confirming, setConfirming] = useState(false);
  const name = person.displayName;
  const locked = pending || person.revoked;

  async function change(action: () => Promise<PersonDto>, shown: UpdatePersonBody = {}) {
    setOptimistic(shown);
    await run(async () => onUpdated(await action()));
    setOptimistic({});
  }

  const patch = (body: UpdatePersonBody) => change(() => updatePerson(person.id, body), body);
  const revoke = () =>
    change(async () => {
      await revokePerson(person.id);
      setConfirming(false);
      return { ...person, revoked: true };
    });

  function toggleTeam(teamId: string, on: boolean) {
    const teamIds = on ? [...person.teamIds, teamId] : person.teamIds.filter((id) => id !== teamId);
    void patch({ teamIds });
  }

  return (
    <tr data-person={person.id} aria-busy={pending}>
      <td>
        <PersonName person={person} />
        {isMe && <span className="muted"> (you)</span>}
        {error !== null && (
          <p className="field__error" role="alert">
            {errorMessage(error)}
          </p>
        )}
      </td>
      <td>
        {isMe ? (
          // Changing one's own role here could lock the last facilitator out.
          roleLabels[person.role]
        ) : (
          <select aria-label={`Role of ${name}`} value={person.role} disabled={locked} onChange={(event) => void patch({ role: event.target.value as Role })}>
            <RoleOptions />
          </select>
        )}
      </td>
      <td>
        {person.role === 'facilitator' ? (
          <span className="muted">All teams</span>
        ) : (
          <fieldset className="team-choices" disabled={locked}>
            <legend className="visually-hidden">Teams of {name}</legend>
            {teams.map((team) => (
              <label key={team.id} className="team-choices__item">
                <input type="checkbox" checked={person.teamIds.includes(team.id)} onChange={(event) => toggleTeam(team.id, event.target.checked)} />
                {team.country}
              </label>
            ))}
            {teams.length === 0 && <span className="muted">No teams yet</span>}
          </fieldset>
        )}
      </td>
      <td className="table__actions">
        {person.revoked ? (
          <span className="tag tag--danger">Revoked</span>
        ) : isMe ? null : confirming ? (
          <span className="confirm" role="group" aria-label={`Confirm revoking ${name}`}>
            <span>Revoke {name}? They are signed out at once.</span>
            <button type="button" className="button button--small button--danger" disabled={pending} onClick={() => void revoke()}>
              Yes, revoke
            </button>
            <button type="button" className="button button--small" disabled={pending} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </td>
    </tr>
  );
}

import { useState } from 'react';
import type { InvitationDto, TeamDto } from '@lcs/shared';
import { useFormSubmit } from '../../hooks/useFormSubmit.ts';
import { errorMessage } from '../../lib/apiClient.ts';
import { invitationStatus, invitationStatusLabels } from '../../lib/invitationStatus.ts';
import { revokeInvitation } from '../../lib/invitationsApi.ts';
import { roleLabels } from '../../lib/roleLabels.ts';
import { DataTable } from '../DataTable.tsx';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function teamLabel(invitation: InvitationDto, teams: readonly TeamDto[]): string {
  if (invitation.role === 'facilitator') return 'All workshops';
  if (invitation.teamId === null) return 'Whole workshop';
  return teams.find((team) => team.id === invitation.teamId)?.country ?? 'Unknown team';
}

export interface InvitationListProps {
  invitations: readonly InvitationDto[];
  teams: readonly TeamDto[];
  /** Called after a link was revoked, to load the list again. */
  onChanged: () => void;
}

/** The invitations of a workshop (and facilitator links): who for, how used, until when; "Revoke". */
export function InvitationList({ invitations, teams, onChanged }: InvitationListProps) {
  const { pending, error, run } = useFormSubmit();
  // One clock for the whole table, read when it first shows: links expire hours apart, not seconds.
  const [now] = useState(() => new Date());

  const revoke = (id: string) =>
    run(async () => {
      await revokeInvitation(id);
      onChanged();
    });

  if (invitations.length === 0) return <p className="muted">No invitations yet.</p>;
  return (
    <>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorMessage(error)}
        </p>
      )}
      <DataTable label="Invitations" columns={['Role', 'Team', 'Uses', 'Expires', 'Status']}>
        {invitations.map((invitation) => {
          const status = invitationStatus(invitation, now);
          return (
            <tr key={invitation.id} data-status={status}>
              <td>{roleLabels[invitation.role]}</td>
              <td>{teamLabel(invitation, teams)}</td>
              <td>
                {invitation.uses} / {invitation.maxUses}
              </td>
              <td>
                <time dateTime={invitation.expiresAt}>{dateFormat.format(new Date(invitation.expiresAt))}</time>
              </td>
              <td>{invitationStatusLabels[status]}</td>
              <td className="table__actions">
                {status === 'active' && (
                  <button type="button" className="button button--small" disabled={pending} onClick={() => void revoke(invitation.id)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </>
  );
}

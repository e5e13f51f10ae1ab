import type { CreateInvitationBody, InvitationDto, PersonDto } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isListOf, isRecordWithId, readField } from './readField.ts';

/** A freshly created invitation: the only moment its link can be read. */
export type CreatedInvitation = InvitationDto & { url: string };

const invitationsPath = '/api/invitations';

/** `POST /api/invitations/redeem`: signs this browser in (the session cookie is HttpOnly). */
export async function redeemInvitation(token: string, displayName: string): Promise<PersonDto> {
  return readField(await requestJson(`${invitationsPath}/redeem`, { method: 'POST', json: { token, displayName } }), 'person', isRecordWithId<PersonDto>);
}

/** `GET /api/invitations` (facilitators): every invitation, newest first. */
export async function listInvitations(signal?: AbortSignal): Promise<InvitationDto[]> {
  return readField(await requestJson(invitationsPath, { signal }), 'invitations', isListOf(isRecordWithId<InvitationDto>));
}

/** `POST /api/invitations` (facilitators). */
export async function createInvitation(body: CreateInvitationBody): Promise<CreatedInvitation> {
  const isCreated = (value: unknown): value is CreatedInvitation => isRecordWithId(value) && typeof (value as { url?: unknown }).url === 'string';
  return readField(await requestJson(invitationsPath, { method: 'POST', json: body }), 'invitation', isCreated);
}

/** `DELETE /api/invitations/:id` (facilitators): the link stops working; people who joined stay. */
export async function revokeInvitation(id: string): Promise<void> {
  await requestJson(`${invitationsPath}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

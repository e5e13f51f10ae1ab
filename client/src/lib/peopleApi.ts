import type { PersonDto, UpdatePersonBody } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isRecordWithId, readField } from './readField.ts';

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

/** `PATCH /api/people/:id` (facilitators): role, teams, name or colour; open sockets follow at once. */
export async function updatePerson(id: string, patch: UpdatePersonBody): Promise<PersonDto> {
  return readField(await requestJson(personPath(id), { method: 'PATCH', json: patch }), 'person', isRecordWithId<PersonDto>);
}

/** `DELETE /api/people/:id` (facilitators): ends their sessions and closes their sockets. */
export async function revokePerson(id: string): Promise<void> {
  await requestJson(personPath(id), { method: 'DELETE' });
}

import type { PersonDto, WorkshopDto } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isRecordWithId, readField } from './readField.ts';

/** The signed-in person and, for everyone but facilitators, the workshop they belong to. */
export interface Me {
  person: PersonDto;
  workshop: WorkshopDto | null;
}

/** `GET /api/me`; throws ApiError 401 when this browser has no live session. */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  const body = await requestJson('/api/me', { signal });
  const person = readField(body, 'person', isRecordWithId<PersonDto>);
  const workshop = readField(body, 'workshop', (value): value is WorkshopDto | null => value === null || isRecordWithId(value));
  return { person, workshop };
}

/** `PATCH /api/me`: the name and caret colour others see. */
export async function updateMe(patch: { displayName?: string; color?: string }): Promise<PersonDto> {
  return readField(await requestJson('/api/me', { method: 'PATCH', json: patch }), 'person', isRecordWithId<PersonDto>);
}

/** `POST /api/me/logout`: ends this browser's session and clears its cookie. */
export async function signOut(): Promise<void> {
  await requestJson('/api/me/logout', { method: 'POST' });
}

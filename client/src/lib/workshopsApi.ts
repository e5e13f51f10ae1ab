import type { CreateTeamBody, CreateWorkshopBody, PersonDto, TeamDto, WorkshopDto } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isStrategySummary } from './documentsApi.ts';
import type { StrategySummary } from './documentsApi.ts';
import { isListOf, isRecordWithId, readField } from './readField.ts';

/** A country team as the workshop page shows it: with the strategies the caller may see. */
export type TeamWithStrategies = TeamDto & { strategies: StrategySummary[] };

export interface WorkshopDetails {
  workshop: WorkshopDto;
  teams: TeamWithStrategies[];
}

const workshopsPath = '/api/workshops';
const workshopPath = (id: string) => `${workshopsPath}/${encodeURIComponent(id)}`;

function isTeamWithStrategies(value: unknown): value is TeamWithStrategies {
  return isRecordWithId<TeamDto>(value) && Array.isArray(value.cities) && isListOf(isStrategySummary)((value as { strategies?: unknown }).strategies);
}

/** `GET /api/workshops`: every workshop for facilitators, one's own for everyone else. */
export async function listWorkshops(signal?: AbortSignal): Promise<WorkshopDto[]> {
  return readField(await requestJson(workshopsPath, { signal }), 'workshops', isListOf(isRecordWithId<WorkshopDto>));
}

/** `POST /api/workshops` (facilitators). */
export async function createWorkshop(body: CreateWorkshopBody): Promise<WorkshopDto> {
  return readField(await requestJson(workshopsPath, { method: 'POST', json: body }), 'workshop', isRecordWithId<WorkshopDto>);
}

/** `POST /api/workshops/demo` (facilitators): a demo workshop of nine country teams, each with a strategy. */
export async function createDemoWorkshop(): Promise<WorkshopDto> {
  return readField(await requestJson(`${workshopsPath}/demo`, { method: 'POST' }), 'workshop', isRecordWithId<WorkshopDto>);
}

/** `GET /api/workshops/:id`: the workshop, its teams and their visible strategies. 403 if not one's own. */
export async function getWorkshop(id: string, signal?: AbortSignal): Promise<WorkshopDetails> {
  const body = await requestJson(workshopPath(id), { signal });
  return { workshop: readField(body, 'workshop', isRecordWithId<WorkshopDto>), teams: readField(body, 'teams', isListOf(isTeamWithStrategies)) };
}

/** `POST /api/workshops/:id/teams` (facilitators). */
export async function createTeam(workshopId: string, body: CreateTeamBody): Promise<TeamDto> {
  return readField(await requestJson(`${workshopPath(workshopId)}/teams`, { method: 'POST', json: body }), 'team', isRecordWithId<TeamDto>);
}

/** `GET /api/workshops/:id/people`: the workshop's people and every facilitator. */
export async function listPeople(workshopId: string, signal?: AbortSignal): Promise<PersonDto[]> {
  return readField(await requestJson(`${workshopPath(workshopId)}/people`, { signal }), 'people', isListOf(isRecordWithId<PersonDto>));
}

import type { PersonDto } from '@lcs/shared';
import { useApiResource } from '../hooks/useApiResource.ts';
import { listPeople } from '../lib/workshopsApi.ts';

const none: PersonDto[] = [];

/**
 * The workshop's people, whom comments can mention; none for a document outside any workshop (a
 * facilitator's own) or while they cannot be loaded, which only turns the mention picker off.
 */
export function usePeople(workshopId: string | null): PersonDto[] {
  const { state } = useApiResource(`people:${workshopId ?? 'none'}`, (signal) => (workshopId ? listPeople(workshopId, signal) : Promise.resolve(none)));
  return state.status === 'ready' ? state.data : none;
}

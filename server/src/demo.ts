import { builtinTemplate } from '@lcs/shared';
import { newId } from './auth/tokens.ts';
import type { Team, Workshop } from './directory/directory.ts';
import type { Storage } from './storage/storage.ts';
import { createStrategy } from './strategy/initialContent.ts';

/**
 * Sample country teams for trying the product out. Labelled as a demo: these are illustrative, not
 * the participants of any real UNESCO programme.
 */
const demoTeams: { country: string; cities: string[] }[] = [
  { country: 'Kenya', cities: ['Nairobi'] },
  { country: 'Morocco', cities: ['Rabat'] },
  { country: 'Indonesia', cities: ['Surabaya'] },
  { country: 'Viet Nam', cities: ['Hanoi'] },
  { country: 'Senegal', cities: ['Dakar'] },
  { country: 'Mongolia', cities: ['Ulaanbaatar'] },
  { country: 'Mozambique', cities: ['Maputo'] },
  { country: 'Philippines', cities: ['Manila', 'Quezon City'] },
  { country: 'Egypt', cities: ['Giza'] },
];

/** Creates a demo workshop with nine country teams and one strategy per team, from the built-in template. */
export async function seedDemoWorkshop(storage: Storage): Promise<{ workshop: Workshop; teams: Team[] }> {
  const { directory } = storage;
  const workshop = await directory.createWorkshop({
    id: newId(),
    name: 'Demo: Learning city strategies workshop',
    place: 'Online and on site',
    startsOn: '2024-10-21',
    endsOn: '2024-10-25',
    onlineStartsOn: '2024-09-02',
    onlineEndsOn: '2024-11-29',
  });
  const teams: Team[] = [];
  for (const t of demoTeams) {
    const team = await directory.createTeam({ id: newId(), workshopId: workshop.id, ...t });
    await createStrategy(storage, { id: newId(), title: `${t.cities[0]} learning city strategy`, teamId: team.id, city: t.cities[0]!, template: builtinTemplate });
    teams.push(team);
  }
  return { workshop, teams };
}

import type { StrategySummary } from './documentsApi.ts';

/** A strategy summary for tests: a Nairobi team's strategy the person may edit, unless overridden. */
export function buildStrategySummary(overrides: Partial<StrategySummary> = {}): StrategySummary {
  return {
    id: 'd1',
    title: 'Nairobi 2030',
    teamId: 't1',
    city: 'Nairobi',
    createdAt: '2024-10-21T08:00:00.000Z',
    updatedAt: '2024-10-21T09:00:00.000Z',
    workshopId: 'w1',
    access: 'edit',
    ...overrides,
  };
}

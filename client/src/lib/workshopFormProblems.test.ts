import { describe, expect, it } from 'vitest';
import { workshopFormProblems } from './workshopFormProblems.ts';
import type { WorkshopForm } from './workshopFormProblems.ts';

const buildForm = (overrides: Partial<WorkshopForm> = {}): WorkshopForm => ({
  name: 'Empowering Cities to Be Key Players for Lifelong Learning Advancement',
  place: 'Shanghai Open University',
  startsOn: '2024-10-21',
  endsOn: '2024-10-25',
  onlineStartsOn: '2024-09-02',
  onlineEndsOn: '2024-11-29',
  ...overrides,
});

describe('workshopFormProblems', () => {
  it('accepts a complete workshop, and one without place or online phase', () => {
    expect(workshopFormProblems(buildForm())).toEqual({});
    expect(workshopFormProblems(buildForm({ place: '', onlineStartsOn: '', onlineEndsOn: '' }))).toEqual({});
  });

  it('asks for a name and both days', () => {
    expect(workshopFormProblems(buildForm({ name: '  ', startsOn: '', endsOn: '' }))).toEqual({
      name: 'Give the workshop a name.',
      startsOn: 'Choose the first day.',
      endsOn: 'Choose the last day.',
    });
  });

  it('refuses a workshop or an online phase that ends before it starts', () => {
    expect(workshopFormProblems(buildForm({ endsOn: '2024-10-20' }))).toEqual({ endsOn: 'The workshop cannot end before it starts.' });
    expect(workshopFormProblems(buildForm({ onlineEndsOn: '2024-09-01' }))).toEqual({ onlineEndsOn: 'The online phase cannot end before it starts.' });
  });

  it('accepts a one-day workshop', () => {
    expect(workshopFormProblems(buildForm({ endsOn: '2024-10-21' }))).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { orderTeams } from './orderTeams.ts';

describe('orderTeams', () => {
  it('puts the person’s own teams first and keeps the order otherwise', () => {
    const teams = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];
    expect(orderTeams(teams, { teamIds: ['c', 'b'] }).map((t) => t.id)).toEqual(['b', 'c', 'a', 'd']);
  });
});

import { expect, test } from '../fixtures/test.ts';

test.describe('home page', () => {
  test('a member joins through an invitation link, creates a strategy from their home page and finds it listed there', async ({ users, team }) => {
    const alice = await users.guest();
    await alice.join.join(await team.invite('member'), 'Alice');
    await alice.workshop.gotoHome();
    await expect(alice.editor.nameInput).toHaveValue('Alice');

    const title = 'Nairobi learning city strategy';
    const documentId = await alice.workshop.createStrategy(team.country, title);
    await expect(alice.editor.editor).toBeVisible();
    await expect(alice.page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    await alice.workshop.gotoHome();
    const link = alice.workshop.strategyLink(team.country, title);
    await expect(link).toBeVisible();
    await link.click();
    await expect(alice.page).toHaveURL(new RegExp(`/d/${documentId}$`));
    await expect(alice.editor.editor).toBeVisible();
  });

  test('a strategy without a title is refused with a message, and nothing is created', async ({ users, team, facilitator }) => {
    const alice = await users.member('Alice');
    await alice.workshop.gotoHome();
    const form = alice.workshop.newStrategyForm(team.country);
    await form.getByRole('button', { name: 'New strategy' }).click();
    await expect(form.getByText('Give the strategy a title.')).toBeVisible();
    await expect(alice.page).toHaveURL(/\/w\/[^/]+$/);
    const listed = (await (await facilitator.request.get('/api/strategies')).json()) as { documents: unknown[] };
    expect(listed.documents).toEqual([]);
  });
});

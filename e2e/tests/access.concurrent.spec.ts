import { vision } from '../fixtures/templateSections.ts';
import { expect, test } from '../fixtures/test.ts';

test.describe('invitation-only access, set up through the pages', () => {
  test('a facilitator sets up teams and invitations; a member edits, an expert cannot, another team is kept out, a revoked member is signed out', async ({ server, browsers }) => {
    // The facilitator gets in with the link a fresh server prints, and sets everything up by hand.
    const fiona = await browsers.open();
    await fiona.join.join(await server.firstFacilitatorLink(), 'Fiona');
    const workshopId = await fiona.admin.createWorkshop({ name: 'Hamburg 2024', place: 'Hamburg', firstDay: '2024-10-21', lastDay: '2024-10-25' });
    await fiona.admin.addTeam('Kenya', ['Nairobi', 'Mombasa']);
    await fiona.admin.addTeam('Ghana', ['Accra']);
    const memberLink = await fiona.admin.createInvitation('Team member', 'Kenya');
    const expertLink = await fiona.admin.createInvitation('Expert', 'Kenya');
    const otherTeamLink = await fiona.admin.createInvitation('Team member', 'Ghana');
    await expect(fiona.admin.invitations.locator('tbody tr[data-status="active"]')).toHaveCount(3);

    // A member joins through the link, lands on the workshop, creates a strategy and writes in it.
    const alice = await browsers.open();
    await alice.join.join(memberLink, 'Alice');
    await expect(alice.page).toHaveURL(new RegExp(`/w/${workshopId}$`));
    await expect(alice.page.getByRole('heading', { level: 1 })).toHaveText('Hamburg 2024');
    const title = 'Nairobi learning city strategy';
    const documentId = await alice.workshop.createStrategy('Kenya', title);
    await alice.editor.expectEditable(true);
    await alice.editor.typeInSection(vision, 'Alice drafts the vision.');
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    // The expert finds it on the workshop page and opens it read-only: typing changes nothing.
    const eddie = await browsers.open();
    await eddie.join.join(expertLink, 'Eddie');
    await eddie.workshop.strategyLink('Kenya', title).click();
    await expect(eddie.page).toHaveURL(new RegExp(`/d/${documentId}$`));
    await expect.poll(() => eddie.editor.sectionText(vision)).toBe('Alice drafts the vision.');
    await expect(eddie.editor.readOnlyBadge).toBeVisible();
    await expect(eddie.editor.readOnlyBadge).toHaveAttribute('data-access', 'comment');
    await eddie.editor.expectEditable(false);
    await expect(eddie.editor.toolbar).toHaveCount(0);
    await expect(eddie.editor.statusSelect('Vision and motivation')).toHaveCount(0);
    await eddie.editor.section(vision).locator('xpath=./p').last().click();
    await eddie.page.keyboard.press('End');
    await eddie.page.keyboard.type(' Eddie rewrites it.');
    await eddie.page.keyboard.press('Enter');
    await eddie.page.keyboard.press('Backspace');
    expect(await eddie.editor.sectionText(vision)).toBe('Alice drafts the vision.');
    // Alice writes on. Once her words reached Eddie, anything his keystrokes had sent would have
    // reached her too: she has her own text only.
    await alice.editor.typeInSection(vision, ' Then revises it.');
    await expect.poll(() => eddie.editor.sectionText(vision)).toBe('Alice drafts the vision. Then revises it.');
    expect(await alice.editor.sectionText(vision)).toBe('Alice drafts the vision. Then revises it.');
    expect(await alice.editor.documentJson()).not.toContain('Eddie');

    // A member of the other team neither sees the strategy listed nor opens it by its address.
    const gus = await browsers.open();
    await gus.join.join(otherTeamLink, 'Gus');
    await expect(gus.page.getByRole('region', { name: 'Ghana' })).toBeVisible();
    await expect(gus.workshop.strategyLink('Kenya', title)).toHaveCount(0);
    await gus.page.goto(`/d/${documentId}`);
    await expect(gus.page.getByRole('heading', { name: 'This strategy belongs to another team' })).toBeVisible();
    await expect(gus.editor.editor).toHaveCount(0);

    // Revoked while the strategy is open: Alice is signed out at once, and stays out.
    await fiona.admin.gotoWorkshop(workshopId);
    await fiona.admin.revoke('Alice');
    const signedOut = alice.page.getByRole('heading', { name: 'Participation is by invitation only' });
    await expect(signedOut).toBeVisible();
    await expect(alice.editor.editor).toHaveCount(0);
    await alice.page.reload();
    await expect(signedOut).toBeVisible();
    // Nobody else lost access.
    await expect.poll(() => eddie.editor.sectionText(vision)).toBe('Alice drafts the vision. Then revises it.');
    await expect(eddie.editor.syncStatus).toHaveAttribute('data-state', 'saved');
  });
});

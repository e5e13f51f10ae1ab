import { goals, vision } from '../fixtures/templateSections.ts';
import { expect, expectSameDocument, test } from '../fixtures/test.ts';
import type { User } from '../fixtures/test.ts';

/** Both open the strategy, write in their own section, and see each other's. */
async function startCoediting(alice: User, bob: User, documentId: string): Promise<void> {
  await alice.editor.goto(documentId);
  await bob.editor.goto(documentId);
  await alice.editor.typeInSection(vision, 'Alice online');
  await expect.poll(() => bob.editor.sectionText(vision)).toBe('Alice online');
  await bob.editor.typeInSection(goals, 'Bob online');
  await expect.poll(() => alice.editor.sectionText(goals)).toBe('Bob online');
  for (const user of [alice, bob]) await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'saved');
}

/** The two sections as `user` sees them. */
async function sections(user: User): Promise<[string, string]> {
  return [await user.editor.sectionText(vision), await user.editor.sectionText(goals)];
}

test.describe('the server goes away mid-session', () => {
  test('SIGTERM, both keep typing offline, restart: both converge on every edit, and it stays stored', async ({ server, users, team }) => {
    const documentId = await team.createStrategy('Survives a restart');
    const alice = await users.member('Alice');
    const bob = await users.member('Bob');
    await startCoediting(alice, bob, documentId);

    await server.stop();
    for (const user of [alice, bob]) await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'offline');

    await alice.editor.typeInSection(vision, ', then offline');
    await bob.editor.typeInSection(goals, ', then offline too');
    for (const user of [alice, bob]) {
      await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'offline');
      await expect.poll(() => user.editor.unsyncedCount()).toBeGreaterThan(0);
      await expect(user.editor.syncStatus).toContainText(/\d+ unsynced changes?/);
    }
    // Neither sees the other's offline edit yet.
    expect(await sections(alice)).toEqual(['Alice online, then offline', 'Bob online']);
    expect(await sections(bob)).toEqual(['Alice online', 'Bob online, then offline too']);

    await server.start();
    const converged = ['Alice online, then offline', 'Bob online, then offline too'];
    for (const user of [alice, bob]) {
      await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
      await expect.poll(() => sections(user)).toEqual(converged);
      expect(await user.editor.unsyncedCount()).toBe(0);
    }
    await expectSameDocument(alice, bob);
    const whole = await alice.editor.documentJson();

    // Close both tabs first so they cannot hand the text back: what follows comes from the server.
    await alice.close();
    await bob.close();
    await server.restart();
    const carol = await users.member('Carol');
    await carol.editor.goto(documentId);
    await expect(carol.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect.poll(() => sections(carol)).toEqual(converged);
    expect(await carol.editor.documentJson()).toBe(whole);
  });

  test('kill -9: text the other browser already saw survives the crash', async ({ server, users, team }) => {
    const documentId = await team.createStrategy('Survives a crash');
    const alice = await users.member('Alice');
    const bob = await users.member('Bob');
    await startCoediting(alice, bob, documentId);

    await alice.editor.typeInSection(vision, ' before the crash');
    const seen = ['Alice online before the crash', 'Bob online'];
    await expect.poll(() => sections(bob)).toEqual(seen);

    await server.kill();
    // The open tabs still hold the text and would send it again on reconnect; close them so only
    // the server's own storage can bring it back.
    await alice.close();
    await bob.close();
    await server.start();

    const carol = await users.member('Carol');
    await carol.editor.goto(documentId);
    await expect(carol.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect.poll(() => sections(carol)).toEqual(seen);
  });
});

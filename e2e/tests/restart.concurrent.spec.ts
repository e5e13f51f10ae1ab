import { expect, test } from '../fixtures/test.ts';
import type { User } from '../fixtures/test.ts';

/** Both open the document and write one paragraph each, and see both. */
async function startCoediting(alice: User, bob: User, documentId: string): Promise<void> {
  await alice.editor.goto(documentId);
  await bob.editor.goto(documentId);
  await alice.editor.type('Alice online');
  await expect.poll(() => bob.editor.paragraphs()).toEqual(['Alice online']);
  await bob.editor.type('\nBob online');
  await expect.poll(() => alice.editor.paragraphs()).toEqual(['Alice online', 'Bob online']);
  for (const user of [alice, bob]) await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'saved');
}

test.describe('the server goes away mid-session', () => {
  test('SIGTERM, both keep typing offline, restart: both converge on every edit, and it stays stored', async ({ server, users, createDocument }) => {
    const documentId = await createDocument('Survives a restart');
    const alice = await users.open('Alice');
    const bob = await users.open('Bob');
    await startCoediting(alice, bob, documentId);

    await server.stop();
    for (const user of [alice, bob]) await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'offline');

    await alice.editor.typeAtEndOfParagraph(0, ', then offline');
    await bob.editor.typeAtEndOfParagraph(1, ', then offline too');
    for (const user of [alice, bob]) {
      await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'offline');
      await expect.poll(() => user.editor.unsyncedCount()).toBeGreaterThan(0);
      await expect(user.editor.syncStatus).toContainText(/\d+ unsynced changes?/);
    }
    // Neither sees the other's offline edit yet.
    expect(await alice.editor.paragraphs()).toEqual(['Alice online, then offline', 'Bob online']);
    expect(await bob.editor.paragraphs()).toEqual(['Alice online', 'Bob online, then offline too']);

    await server.start();
    const converged = ['Alice online, then offline', 'Bob online, then offline too'];
    for (const user of [alice, bob]) {
      await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
      await expect.poll(() => user.editor.paragraphs()).toEqual(converged);
      expect(await user.editor.unsyncedCount()).toBe(0);
    }

    // Close both tabs first so they cannot hand the text back: what follows comes from the server.
    await alice.close();
    await bob.close();
    await server.restart();
    const carol = await users.open('Carol');
    await carol.editor.goto(documentId);
    await expect(carol.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect.poll(() => carol.editor.paragraphs()).toEqual(converged);
  });

  test('kill -9: text the other browser already saw survives the crash', async ({ server, users, createDocument }) => {
    const documentId = await createDocument('Survives a crash');
    const alice = await users.open('Alice');
    const bob = await users.open('Bob');
    await startCoediting(alice, bob, documentId);

    await alice.editor.typeAtEndOfParagraph(0, ' before the crash');
    const seen = ['Alice online before the crash', 'Bob online'];
    await expect.poll(() => bob.editor.paragraphs()).toEqual(seen);

    await server.kill();
    // The open tabs still hold the text and would re-send it on reconnect; close them so only the
    // server's own storage can bring it back.
    await alice.close();
    await bob.close();
    await server.start();

    const carol = await users.open('Carol');
    await carol.editor.goto(documentId);
    await expect(carol.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect.poll(() => carol.editor.paragraphs()).toEqual(seen);
  });
});

import { vision } from '../fixtures/templateSections.ts';
import { expect, test } from '../fixtures/test.ts';
import { waitForServiceWorker } from '../fixtures/waitForServiceWorker.ts';

test.describe('offline', () => {
  test('with the server down, a reload still opens the strategy from this device, typing goes on, and it merges when the server returns', async ({ server, users, team }) => {
    const documentId = await team.createStrategy('Written offline');
    const alice = await users.member('Alice');
    await alice.editor.goto(documentId);
    await waitForServiceWorker(alice.page);
    await alice.editor.expectEditable(true);
    await alice.editor.typeInSection(vision, 'Typed online.');
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect(alice.editor.offlineNotice).toHaveCount(0);

    // A crash: the page, its API answers and the document must now all come from this device.
    await server.kill();
    await alice.page.reload();
    await expect(alice.editor.offlineNotice).toHaveText('Offline');
    await expect(alice.page.getByRole('heading', { level: 1 })).toHaveText('Written offline');
    await expect.poll(() => alice.editor.sectionText(vision)).toBe('Typed online.');
    await alice.editor.expectEditable(true);

    await alice.editor.typeInSection(vision, ' Typed offline after a reload.');
    expect(await alice.editor.sectionText(vision)).toBe('Typed online. Typed offline after a reload.');
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'offline');
    await expect.poll(() => alice.editor.unsyncedCount()).toBeGreaterThan(0);
    await expect(alice.editor.syncStatus).toContainText(/\d+ unsynced changes?/);

    await server.start();
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
    expect(await alice.editor.unsyncedCount()).toBe(0);

    const bob = await users.member('Bob');
    await bob.editor.goto(documentId);
    await expect(bob.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect.poll(() => bob.editor.sectionText(vision)).toBe('Typed online. Typed offline after a reload.');
  });
});

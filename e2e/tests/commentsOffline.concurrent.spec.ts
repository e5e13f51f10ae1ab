import { vision } from '../fixtures/templateSections.ts';
import { reviewScene } from '../fixtures/reviewScene.ts';
import { expect, test } from '../fixtures/test.ts';
import { waitForServiceWorker } from '../fixtures/waitForServiceWorker.ts';

// Wide enough for the comments to sit in a margin beside the text rather than in a slide-in panel.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('comment actions taken offline', () => {
  test('a member resolves a thread, edits her comment and accepts a suggestion with the server down, reloads, and the expert sees all three once it is back', async ({
    server,
    users,
    team,
  }) => {
    const { alice, eddie } = await reviewScene(users, team, 'Reviewed offline');

    // Online: the expert asks a question and suggests a word; Alice comments herself.
    await eddie.editor.selectText(vision, 'public library');
    await eddie.comments.comment('Which library?');
    await eddie.editor.selectText(vision, 'citizen');
    await eddie.comments.suggest('resident');
    await alice.editor.selectText(vision, 'learns');
    await alice.comments.comment('Too vague.');
    const question = alice.comments.card('public library');
    const suggestion = alice.comments.cards.filter({ has: alice.page.getByTestId('suggestion-summary') });
    const mine = alice.comments.card('learns');
    await expect(alice.comments.commentsOf(question)).toHaveText(['Which library?']);
    await expect(suggestion).toHaveCount(1);
    await expect(alice.comments.commentsOf(mine)).toHaveText(['Too vague.']);
    await expect(eddie.comments.commentsOf(eddie.comments.card('learns'))).toHaveText(['Too vague.']);
    const questionId = (await question.getAttribute('data-thread-id'))!;
    const mineId = (await mine.getAttribute('data-thread-id'))!;
    // Maybe in pieces, cut by the expert's caret.
    await expect(alice.comments.highlight(questionId).first()).toBeVisible();
    await waitForServiceWorker(alice.page);

    // The server goes away; Alice carries on.
    await server.stop();
    await question.getByRole('button', { name: 'Resolve', exact: true }).click();
    // Shown as done at once, like online: the card moves to the resolved threads, marked pending,
    // and its text is no longer highlighted; the other threads' text still is.
    await expect(question).toHaveCount(0);
    await expect(alice.comments.highlight(questionId)).toHaveCount(0);
    await expect(alice.comments.highlight(mineId).first()).toBeVisible();
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    await mine.getByRole('textbox', { name: 'Edit comment', exact: true }).fill('Too vague: who learns what?');
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(alice.comments.commentsOf(mine)).toHaveText(['Too vague: who learns what?']);
    await expect(mine.getByTestId('pending-action')).toHaveText(/Edit pending/);
    await suggestion.getByRole('button', { name: 'Accept', exact: true }).click();
    // The server decides whether an accept goes through, so the text waits for it.
    await expect(suggestion.getByTestId('pending-action')).toHaveText(/Accept pending/);
    await expect(alice.editor.editor.locator('.suggestion-deletion')).toHaveText('citizen');
    await expect(alice.page.getByTestId('outbox-waiting')).toHaveText(/3 comment changes wait/);

    // Kept on the device: a reload while the server is still down shows the same.
    await alice.page.reload();
    await expect(alice.editor.offlineNotice).toHaveText('Offline');
    await expect(alice.page.getByTestId('outbox-waiting')).toHaveText(/3 comment changes wait/);
    await expect(alice.comments.commentsOf(mine)).toHaveText(['Too vague: who learns what?']);
    await expect(mine.getByTestId('pending-action')).toHaveText(/Edit pending/);
    await expect(suggestion.getByTestId('pending-action')).toHaveText(/Accept pending/);
    await expect(question).toHaveCount(0);
    await expect(alice.comments.highlight(mineId).first()).toBeVisible();
    await expect(alice.comments.highlight(questionId)).toHaveCount(0);
    await alice.comments.filter('Resolved');
    await expect(question).toHaveAttribute('data-status', 'resolved');
    await expect(question.getByTestId('pending-action')).toHaveText(/Resolve pending/);
    await alice.comments.filter('Open');

    // Back: everything is sent in order, and the expert sees it live.
    await server.start();
    await expect(alice.page.getByTestId('outbox-summary')).toHaveCount(0, { timeout: 30_000 });
    await expect(alice.page.getByTestId('pending-action')).toHaveCount(0);
    const revised = 'Every resident learns in the public library.';
    for (const user of [alice, eddie]) {
      await expect.poll(() => user.editor.sectionText(vision), { timeout: 20_000 }).toBe(revised);
      await expect(user.editor.editor.locator('.suggestion-deletion, .suggestion-insertion')).toHaveCount(0);
      await expect(user.comments.commentsOf(user.comments.card('learns'))).toHaveText(['Too vague: who learns what?']);
      await expect(user.comments.card('public library')).toHaveCount(0);
      await expect(user.comments.highlight(questionId)).toHaveCount(0);
      await user.comments.filter('Resolved');
      await expect(user.comments.card('public library')).toHaveAttribute('data-status', 'resolved');
      await expect(user.comments.cards.filter({ has: user.page.getByTestId('suggestion-summary') })).toHaveAttribute('data-status', 'accepted');
      await user.comments.filter('Open');
    }
  });

  test('what others did meanwhile wins: an accept of a suggestion someone rejected, or whose text changed, is not carried out and says why; the rest still goes', async ({
    users,
    team,
  }) => {
    const { documentId, alice, eddie } = await reviewScene(users, team, 'Decided meanwhile');
    const bob = await users.member('Bob');
    await bob.editor.goto(documentId);
    await eddie.editor.selectText(vision, 'citizen');
    await eddie.comments.suggest('resident');
    await eddie.editor.selectText(vision, 'public library');
    await eddie.comments.suggest('all branches');
    await alice.editor.selectText(vision, 'learns');
    await alice.comments.comment('Too vague.');
    const suggestionOn = (user: typeof alice, quote: string) => user.comments.cards.filter({ has: user.page.getByTestId('suggestion-summary') }).filter({ hasText: quote });
    await expect(suggestionOn(alice, 'citizen')).toHaveCount(1);
    await expect(suggestionOn(alice, 'public library')).toHaveCount(1);
    await expect(suggestionOn(bob, 'public library')).toHaveCount(1);
    await expect(bob.comments.commentsOf(bob.comments.card('learns'))).toHaveText(['Too vague.']);

    // Alice's laptop loses the network; she accepts both suggestions and edits her comment.
    await alice.context.setOffline(true);
    await suggestionOn(alice, 'citizen').getByRole('button', { name: 'Accept', exact: true }).click();
    await suggestionOn(alice, 'public library').getByRole('button', { name: 'Accept', exact: true }).click();
    const mine = alice.comments.card('learns');
    await mine.getByRole('button', { name: 'Edit', exact: true }).click();
    await mine.getByRole('textbox', { name: 'Edit comment', exact: true }).fill('Too vague: who learns what?');
    await mine.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(alice.page.getByTestId('outbox-waiting')).toHaveText(/3 comment changes wait/);

    // Meanwhile Bob rejects the first suggestion and rewrites the words of the second.
    await suggestionOn(bob, 'citizen').getByRole('button', { name: 'Reject', exact: true }).click();
    await bob.editor.selectText(vision, 'public');
    await bob.page.keyboard.type('central');
    await expect(bob.editor.editor.locator('.suggestion-deletion')).toHaveText('central library');

    await alice.context.setOffline(false);
    const refused = alice.page.getByTestId('outbox-refused');
    await expect(refused.getByRole('listitem')).toHaveText(
      [/Accept on “citizen”: This suggestion was already rejected/, /Accept on “public library”: The text changed after you accepted this suggestion/],
      { timeout: 30_000 },
    );
    await expect(alice.page.getByTestId('outbox-waiting')).toHaveCount(0);
    // Neither replacement was applied; the edit, which nothing contradicted, went through.
    for (const user of [alice, bob]) {
      // One decoration, maybe cut in pieces by the others' carets.
      await expect.poll(async () => (await user.editor.editor.locator('.suggestion-deletion').allTextContents()).join('')).toBe('central library');
      await expect.poll(() => user.editor.sectionText(vision)).toMatch(/^Every citizen learns in the central library/);
      await expect(user.comments.commentsOf(user.comments.card('learns'))).toHaveText(['Too vague: who learns what?']);
      await expect(suggestionOn(user, 'public library')).toHaveAttribute('data-status', 'open');
    }
    await refused.getByRole('button', { name: 'Dismiss' }).first().click();
    await expect(refused.getByRole('listitem')).toHaveCount(1);
  });
});

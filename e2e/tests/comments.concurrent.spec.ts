import { vision } from '../fixtures/templateSections.ts';
import { expect, expectSameDocument, test } from '../fixtures/test.ts';

// Wide enough for the comments to sit in a margin beside the text rather than in a slide-in panel.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('an expert reviews a strategy live', () => {
  test('the expert comments and the member replies and resolves; the expert suggests a replacement and the member accepts it', async ({ users, team }) => {
    const documentId = await team.createStrategy('Reviewed strategy');
    const alice = await users.member('Alice');
    const eddie = await users.expert('Eddie');
    await alice.editor.goto(documentId);
    await eddie.editor.goto(documentId);
    await alice.editor.expectEditable(true);
    const sentence = 'Every citizen learns in the public library.';
    await alice.editor.typeInSection(vision, sentence);
    await expect.poll(() => eddie.editor.sectionText(vision)).toBe(sentence);
    await eddie.editor.expectEditable(false);

    // The expert selects words in his read-only editor and comments on them.
    await eddie.editor.selectText(vision, 'public library');
    await expect(eddie.comments.bubble).toBeVisible();
    await eddie.comments.comment('Which library: the central one or all branches?');
    const eddieCard = eddie.comments.card('public library');
    await expect(eddieCard).toHaveCount(1);

    // The member sees the card and the highlighted words live, without reloading.
    const aliceCard = alice.comments.card('public library');
    await expect(aliceCard).toHaveAttribute('data-status', 'open');
    await expect(alice.comments.commentsOf(aliceCard)).toHaveText(['Which library: the central one or all branches?']);
    const threadId = (await aliceCard.getAttribute('data-thread-id'))!;
    await expect(alice.comments.highlight(threadId)).toHaveText('public library');
    // Only the thread was added: the text itself is as Alice wrote it.
    expect(await alice.editor.sectionText(vision)).toBe(sentence);

    // She replies; the expert sees the reply under his comment.
    await alice.comments.reply(aliceCard, 'All branches, from 2026.');
    await expect(eddie.comments.commentsOf(eddieCard)).toHaveText(['Which library: the central one or all branches?', 'All branches, from 2026.']);
    await expect(eddie.comments.authorsOf(eddieCard)).toHaveText(['Eddie', 'Alice']);

    // She resolves it: it leaves the open threads and the highlight goes, for the expert too.
    await aliceCard.getByRole('button', { name: 'Resolve', exact: true }).click();
    await expect(eddieCard).toHaveCount(0);
    await expect(eddie.comments.highlight(threadId)).toHaveCount(0);
    await eddie.comments.filter('Resolved');
    await expect(eddieCard).toHaveAttribute('data-status', 'resolved');
    await eddie.comments.filter('Open');

    // The expert suggests a replacement; the member sees it inline and accepts it.
    await eddie.editor.selectText(vision, 'citizen');
    await eddie.comments.suggest('resident', 'Not everyone is a citizen.');
    const suggestion = alice.comments.cards.filter({ has: alice.page.getByTestId('suggestion-summary') });
    await expect(suggestion.getByTestId('suggestion-summary')).toHaveText(/Replace\s*citizen\s*with\s*resident/);
    await expect(alice.editor.editor.locator('.suggestion-deletion')).toHaveText('citizen');
    await expect(alice.editor.editor.locator('.suggestion-insertion ins')).toHaveText('resident');
    await expect(eddie.editor.editor.locator('.suggestion-deletion')).toHaveText('citizen');
    await suggestion.getByRole('button', { name: 'Accept', exact: true }).click();

    // The text changes in both browsers, and the suggestion is settled for both.
    const revised = 'Every resident learns in the public library.';
    for (const user of [alice, eddie]) {
      await expect.poll(() => user.editor.sectionText(vision)).toBe(revised);
      await expect(user.editor.editor.locator('.suggestion-deletion, .suggestion-insertion')).toHaveCount(0);
      await user.comments.filter('Resolved');
      await expect(user.comments.cards.filter({ has: user.page.getByTestId('suggestion-summary') })).toHaveAttribute('data-status', 'accepted');
    }
    await expectSameDocument(alice, eddie);
  });
});

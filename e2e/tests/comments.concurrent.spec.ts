import { vision } from '../fixtures/templateSections.ts';
import { reviewedSentence, reviewScene } from '../fixtures/reviewScene.ts';
import { expect, expectSameDocument, test } from '../fixtures/test.ts';

// Wide enough for the comments to sit in a margin beside the text rather than in a slide-in panel.
test.use({ viewport: { width: 1440, height: 900 } });

test.describe('an expert reviews a strategy live', () => {
  test('the expert comments and the member replies and resolves; the expert suggests a replacement and the member accepts it', async ({ users, team }) => {
    const { alice, eddie } = await reviewScene(users, team, 'Reviewed strategy');
    const sentence = reviewedSentence;
    await eddie.editor.expectEditable(false);

    // The expert selects words in his read-only editor and comments on them, from the keyboard
    // (his read-only editor cannot take focus, so the keys go to the page).
    await eddie.editor.selectText(vision, 'public library');
    await expect(eddie.comments.bubble).toBeVisible();
    await expect(eddie.comments.bubble.getByRole('button', { name: 'Comment', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+M');
    await expect(eddie.comments.bubble.getByRole('button', { name: 'Comment', exact: true })).toHaveAttribute('title', 'Comment (Ctrl+Alt+M)');
    await expect(eddie.comments.bubble.getByRole('button', { name: 'Suggest', exact: true })).not.toHaveAttribute('aria-keyshortcuts');
    await eddie.comments.pressShortcut();
    const newComment = eddie.comments.panel.getByRole('textbox', { name: 'Comment', exact: true });
    await expect(newComment).toBeFocused();
    await eddie.page.keyboard.type('Which library: the central one or all branches?');
    await eddie.page.keyboard.press('Control+Enter');
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

  test('the expert suggests inserting words at a point; the member sees them inline as she writes on, and accepts them', async ({ users, team }) => {
    const { alice, eddie } = await reviewScene(users, team, 'Reviewed strategy');

    // A click between two words in his read-only editor marks a point, drawn since the browser draws no caret there.
    await eddie.editor.clickAfter(vision, 'learns');
    await expect(eddie.comments.bubble.getByRole('button')).toHaveText(['Suggest insertion']);
    await expect(eddie.page.getByTestId('selection-caret')).toBeVisible();
    await eddie.comments.suggestInsertion(' together', 'Learning is social.');

    // The member sees it live, inline at the point, in the expert's colour; it is not detached.
    const card = alice.comments.cards.filter({ has: alice.page.getByTestId('suggestion-summary') });
    await expect(card.getByTestId('suggestion-summary')).toHaveText(/Insert\s*together/);
    const threadId = (await card.getAttribute('data-thread-id'))!;
    for (const user of [alice, eddie]) {
      await expect.poll(() => user.comments.paragraphWithInsertion(threadId)).toBe('Every citizen learns[+ together] in the public library.');
      await expect(user.comments.cards.filter({ has: user.page.getByTestId('suggestion-summary') })).not.toHaveAttribute('data-detached', 'true');
    }
    await expect(alice.comments.insertion(threadId).locator('ins')).toHaveCSS('text-decoration-line', 'underline');
    // Only a decoration: the document itself does not have the words.
    expect(await alice.editor.documentJson()).not.toContain('together');

    // She writes on before the point; the suggestion keeps its place between the same words.
    await alice.editor.section(vision).locator('xpath=./p').first().click({ position: { x: 2, y: 8 } });
    await alice.page.keyboard.press('Home');
    await alice.page.keyboard.type('(2030) ');
    for (const user of [alice, eddie]) {
      await expect.poll(() => user.comments.paragraphWithInsertion(threadId)).toBe('(2030) Every citizen learns[+ together] in the public library.');
    }

    // She accepts: the words are in the text for both, and the suggestion is settled.
    await card.getByRole('button', { name: 'Accept', exact: true }).click();
    const revised = '(2030) Every citizen learns together in the public library.';
    for (const user of [alice, eddie]) {
      await expect.poll(() => user.editor.sectionText(vision)).toBe(revised);
      await expect(user.comments.insertion(threadId)).toHaveCount(0);
      await user.comments.filter('Resolved');
      await expect(user.comments.cards.filter({ has: user.page.getByTestId('suggestion-summary') })).toHaveAttribute('data-status', 'accepted');
    }
    await expectSameDocument(alice, eddie);
  });
});

test.describe('a member suggesting', () => {
  test('a member who switches to Suggesting proposes an insertion where her caret was, instead of typing it', async ({ users, team }) => {
    const documentId = await team.createStrategy('Reviewed strategy');
    const alice = await users.member('Alice');
    await alice.editor.goto(documentId);
    await alice.editor.expectEditable(true);
    await alice.editor.typeInSection(vision, 'Every citizen learns in the public library.');
    // While she can type, a click only moves her caret.
    await alice.editor.clickAfter(vision, 'public');
    await expect(alice.comments.bubble).toHaveCount(0);
    await alice.comments.mode('Suggesting');
    await alice.editor.expectEditable(false);
    await expect(alice.comments.bubble.getByRole('button')).toHaveText(['Suggest insertion']);
    await expect(alice.comments.bubble.getByRole('button', { name: 'Suggest insertion', exact: true })).toHaveAttribute('aria-keyshortcuts', 'Control+Alt+M');
    // From the keyboard, though the keys go to the mode switch she just used: the text to insert is
    // asked for at once.
    await alice.comments.pressShortcut();
    const textToInsert = alice.comments.panel.getByLabel('Text to insert', { exact: true });
    await expect(textToInsert).toBeFocused();
    await alice.page.keyboard.type(' and school');
    // In a field of the comments, the shortcut is left alone: what she typed stays, in the one form.
    await alice.comments.pressShortcut();
    await expect(textToInsert).toHaveValue(' and school');
    await expect(alice.comments.panel.getByTestId('new-thread')).toHaveCount(1);
    await alice.comments.panel.getByRole('button', { name: 'Post suggestion', exact: true }).click();
    const card = alice.comments.cards.filter({ has: alice.page.getByTestId('suggestion-summary') });
    await expect(card.getByTestId('suggestion-summary')).toHaveText(/Insert\s*and school/);
    const threadId = (await card.getAttribute('data-thread-id'))!;
    await expect.poll(() => alice.comments.paragraphWithInsertion(threadId)).toBe('Every citizen learns in the public[+ and school] library.');
    // Proposed, not typed: the document itself does not have the words.
    expect(await alice.editor.documentJson()).not.toContain('and school');
  });
});

test.describe('the comments margin on a wide screen', () => {
  test('the header and filters stay in view down the page while each card stays level with its text', async ({ users, team }) => {
    const documentId = await team.createStrategy('Reviewed strategy');
    const alice = await users.member('Alice');
    await alice.editor.goto(documentId);
    await alice.editor.expectEditable(true);
    // A section near the end of the template, a few screens down.
    const monitoring = 'monitoring-and-evaluation';
    await alice.editor.typeInSection(monitoring, 'We count the visits to every library each month.');
    await alice.editor.selectText(monitoring, 'visits');
    await alice.comments.comment('Visits are not learning: count courses finished too.');
    const card = alice.comments.card('visits');
    const threadId = (await card.getAttribute('data-thread-id'))!;
    const highlight = alice.comments.highlight(threadId).first();

    await highlight.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    expect(await alice.page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await expect(alice.comments.top).toBeInViewport();
    await expect(alice.comments.filters).toBeInViewport();
    expect((await alice.comments.top.boundingBox())!.y).toBeLessThan(2);
    await expect.poll(async () => Math.abs((await card.boundingBox())!.y - (await highlight.boundingBox())!.y), { message: 'the card is level with its text' }).toBeLessThan(3);
    // The filters still work from down here.
    await alice.comments.filter('Resolved');
    await expect(card).toHaveCount(0);
  });
});

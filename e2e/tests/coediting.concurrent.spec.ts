import { goals, vision } from '../fixtures/templateSections.ts';
import { expect, expectSameDocument, test } from '../fixtures/test.ts';

test.describe('two people co-editing one strategy', () => {
  test('each sees the other’s text and named caret, and a reload shows the saved text', async ({ users, team }) => {
    const documentId = await team.createStrategy('Nairobi learning city strategy');
    const alice = await users.member('Alice');
    const bob = await users.member('Bob');
    await alice.editor.goto(documentId);
    await bob.editor.goto(documentId);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect(bob.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    await alice.editor.typeInSection(vision, 'Alice: every citizen learns');
    await expect.poll(() => bob.editor.sectionText(vision)).toBe('Alice: every citizen learns');
    await bob.editor.typeInSection(goals, 'Bob: in every library');
    await expect.poll(() => alice.editor.sectionText(goals)).toBe('Bob: in every library');

    // Both at once, each in their own section.
    await Promise.all([alice.editor.typeInSection(vision, ', all life long.'), bob.editor.typeInSection(goals, ' and online.')]);
    const aliceSection = 'Alice: every citizen learns, all life long.';
    const bobSection = 'Bob: in every library and online.';
    for (const user of [alice, bob]) {
      await expect.poll(() => user.editor.sectionText(vision)).toBe(aliceSection);
      await expect.poll(() => user.editor.sectionText(goals)).toBe(bobSection);
    }
    await expectSameDocument(alice, bob);

    await expect.poll(() => alice.editor.caretNames()).toEqual(['Bob']);
    await expect.poll(() => bob.editor.caretNames()).toEqual(['Alice']);
    for (const user of [alice, bob]) {
      await expect(user.editor.syncStatus).toHaveAttribute('data-state', 'saved');
      await expect(user.editor.syncStatus).toHaveText('All changes saved');
    }
    // For people: what co-editing looks like, kept with the test results.
    await alice.editor.section(goals).scrollIntoViewIfNeeded();
    await alice.page.screenshot({ path: test.info().outputPath('alice-sees-bob.png') });
    await bob.editor.section(vision).scrollIntoViewIfNeeded();
    await bob.page.screenshot({ path: test.info().outputPath('bob-sees-alice.png') });

    await alice.page.reload();
    await alice.editor.editor.waitFor();
    await expect.poll(() => alice.editor.sectionText(vision)).toBe(aliceSection);
    await expect.poll(() => alice.editor.sectionText(goals)).toBe(bobSection);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    // A browser that never saw the document gets it from the server alone (no on-device copy).
    const carol = await users.member('Carol');
    await carol.editor.goto(documentId);
    await expect.poll(() => carol.editor.sectionText(vision)).toBe(aliceSection);
    await expect.poll(() => carol.editor.sectionText(goals)).toBe(bobSection);
    await expectSameDocument(alice, carol);
  });

  test('a new name in the header shows on the caret the other person sees', async ({ users, team }) => {
    const documentId = await team.createStrategy('Renaming');
    const alice = await users.member('Alice');
    const bob = await users.member('Bob');
    await alice.editor.goto(documentId);
    await bob.editor.goto(documentId);

    await bob.editor.typeInSection(vision, 'Bob was here');
    await expect.poll(() => alice.editor.caretNames()).toEqual(['Bob']);

    await bob.editor.setName('Robert the Librarian');
    // The caret shows only while the editor has focus, and the name field just took it.
    await bob.editor.typeInSection(vision, '.');
    await expect.poll(() => alice.editor.caretNames()).toEqual(['Robert the Librarian']);

    await bob.page.reload();
    await expect(bob.editor.nameInput).toHaveValue('Robert the Librarian');
  });
});

import { expect, test } from '../fixtures/test.ts';

test.describe('two people co-editing one document', () => {
  test('each sees the other’s text and named caret, and a reload shows the saved text', async ({ users, createDocument }) => {
    const documentId = await createDocument('Lifelong learning strategy');
    const alice = await users.open('Alice');
    const bob = await users.open('Bob');
    await alice.editor.goto(documentId);
    await bob.editor.goto(documentId);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect(bob.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    await alice.editor.type('Alice: every citizen learns');
    await expect.poll(() => bob.editor.paragraphs()).toEqual(['Alice: every citizen learns']);
    await bob.editor.type('\nBob: in every library');
    const firstDraft = ['Alice: every citizen learns', 'Bob: in every library'];
    await expect.poll(() => alice.editor.paragraphs()).toEqual(firstDraft);

    // Both at once, each in their own paragraph.
    await Promise.all([
      alice.editor.typeAtEndOfParagraph(0, ', all life long.'),
      bob.editor.typeAtEndOfParagraph(1, ' and online.'),
    ]);
    const final = ['Alice: every citizen learns, all life long.', 'Bob: in every library and online.'];
    await expect.poll(() => alice.editor.paragraphs()).toEqual(final);
    await expect.poll(() => bob.editor.paragraphs()).toEqual(final);

    await expect.poll(() => alice.editor.caretNames()).toEqual(['Bob']);
    await expect.poll(() => bob.editor.caretNames()).toEqual(['Alice']);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect(bob.editor.syncStatus).toHaveAttribute('data-state', 'saved');
    await expect(alice.editor.syncStatus).toHaveText('All changes saved');

    await alice.page.screenshot({ path: test.info().outputPath('alice-sees-bob.png') });

    await alice.page.reload();
    await alice.editor.editor.waitFor();
    await expect.poll(() => alice.editor.paragraphs()).toEqual(final);
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    // A browser that never saw the document gets it from the server alone (no on-device copy).
    const carol = await users.open('Carol');
    await carol.editor.goto(documentId);
    await expect.poll(() => carol.editor.paragraphs()).toEqual(final);
  });

  test('a new name in the header shows on the caret the other person sees', async ({ users, createDocument }) => {
    const documentId = await createDocument('Renaming');
    const alice = await users.open('Alice');
    const bob = await users.open('Bob');
    await alice.editor.goto(documentId);
    await bob.editor.goto(documentId);

    await bob.editor.type('Bob was here');
    await expect.poll(() => alice.editor.caretNames()).toEqual(['Bob']);

    await bob.editor.setName('Robert the Librarian');
    await bob.editor.type('.');
    await expect.poll(() => alice.editor.caretNames()).toEqual(['Robert the Librarian']);

    await bob.page.reload();
    await expect(bob.editor.nameInput).toHaveValue('Robert the Librarian');
  });
});

import { expect, test } from '../fixtures/test.ts';

test.describe('home page', () => {
  test('"New document" opens the new document, which is then listed on the home page', async ({ users }) => {
    const alice = await users.open('Alice');
    await alice.home.goto();
    await expect(alice.page.getByText('No documents yet')).toBeVisible();

    const documentId = await alice.home.createDocument('Adult education plan');
    expect(alice.page.url()).toMatch(new RegExp(`/d/${documentId}$`));
    await expect(alice.editor.editor).toBeVisible();
    await expect(alice.page.getByRole('heading', { level: 1 })).toHaveText('Adult education plan');
    await expect(alice.editor.syncStatus).toHaveAttribute('data-state', 'saved');

    await alice.home.goto();
    const link = alice.home.documentLink('Adult education plan');
    await expect(link).toBeVisible();
    await link.click();
    await expect(alice.page).toHaveURL(new RegExp(`/d/${documentId}$`));
  });

  test('an empty title is refused with a message, and nothing is created', async ({ users, request }) => {
    const alice = await users.open('Alice');
    await alice.home.goto();
    await alice.home.newDocumentButton.click();
    await expect(alice.page.getByRole('alert')).toHaveText('Give the document a title.');
    await expect(alice.page).toHaveURL(/\/$/);
    const listed = (await (await request.get('/api/documents')).json()) as { documents: unknown[] };
    expect(listed.documents).toEqual([]);
  });
});

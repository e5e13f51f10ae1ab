import { builtinTemplate, flattenSections } from '@lcs/shared';
import { goals, vision } from '../fixtures/templateSections.ts';
import { expect, expectSameDocument, test } from '../fixtures/test.ts';

/** Every section of the built-in template in the order a new strategy shows them. */
const templateSections = flattenSections(builtinTemplate).map(({ section }) => section);
const sectionKeys = templateSections.map((section) => section.key);
const sectionTitles = templateSections.map((section) => section.title);
const titleOf = (key: string) => templateSections.find((section) => section.key === key)!.title;

const monitoring = 'monitoring-and-evaluation';

test.describe('a strategy built from the Key Features template', () => {
  test('a member creates it from the workshop page; two people write in it, set a status and a lead, and find sections from the outline', async ({ users, team }) => {
    const alice = await users.member('Alice');
    await alice.workshop.gotoHome();
    const documentId = await alice.workshop.createStrategy(team.country, 'Nairobi learning city strategy');
    await alice.editor.expectEditable(true);

    // Every section of the template, in order, in the text and in the outline, each with guidance.
    await expect.poll(() => alice.editor.sectionKeys()).toEqual(sectionKeys);
    expect(await alice.editor.sectionTitles()).toEqual(sectionTitles);
    await expect.poll(() => alice.sidebar.outlineKeys()).toEqual(sectionKeys);
    const withGuidance = templateSections.filter((section) => section.guidance.length > 0);
    await expect(alice.editor.editor.getByRole('button', { name: 'Guidance' })).toHaveCount(withGuidance.length);
    const visionGuidance = alice.editor.guidance(titleOf(vision));
    await expect(visionGuidance).toBeHidden();
    await alice.editor.guidanceToggle(vision).click();
    await expect(alice.editor.guidanceToggle(vision)).toHaveAttribute('aria-expanded', 'true');
    await expect(visionGuidance).toBeVisible();
    const firstQuestion = templateSections[0]!.guidance[0]!;
    await expect(visionGuidance).toContainText(firstQuestion);
    // Guidance is shown beside the text, never part of it.
    expect(await alice.editor.documentJson()).not.toContain(firstQuestion);

    const bob = await users.member('Bob');
    await bob.editor.goto(documentId);
    await bob.editor.expectEditable(true);
    await expect.poll(() => bob.editor.sectionKeys()).toEqual(sectionKeys);

    // Two people write in two sections at once; each sees the other's words in the right place.
    await Promise.all([alice.editor.typeInSection(vision, 'Every resident learns, all life long.'), bob.editor.typeInSection(goals, 'Three goals by 2030.')]);
    for (const user of [alice, bob]) {
      await expect.poll(() => user.editor.sectionText(vision)).toBe('Every resident learns, all life long.');
      await expect.poll(() => user.editor.sectionText(goals)).toBe('Three goals by 2030.');
    }

    // Alice sets a status and a lead from the section header; Bob sees both, in the header and the outline.
    const goalsTitle = titleOf(goals);
    await alice.editor.statusSelect(goalsTitle).selectOption('drafting');
    await alice.editor.setLead(goalsTitle, 'Amina Odhiambo');
    await expect(bob.editor.statusSelect(goalsTitle)).toHaveValue('drafting');
    await expect(bob.editor.leadInput(goalsTitle)).toHaveValue('Amina Odhiambo');
    await expect(bob.sidebar.outlineItemByKey(goals)).toHaveAttribute('data-status', 'drafting');
    await expect(bob.sidebar.outlineItemByKey(goals)).toContainText('Lead: Amina Odhiambo');
    // …and only for that section.
    await expect(bob.editor.statusSelect(titleOf(vision))).toHaveValue('not_started');

    // Bob picks a section far down the outline: it scrolls into view and his typing lands in it.
    await bob.sidebar.outlineItem(titleOf(monitoring)).click();
    await expect(bob.editor.section(monitoring)).toBeInViewport();
    await expect(bob.sidebar.outlineItemByKey(monitoring)).toHaveAttribute('aria-current', 'location');
    await bob.page.keyboard.type('Indicators reviewed yearly.');
    await expect.poll(() => alice.editor.sectionText(monitoring)).toBe('Indicators reviewed yearly.');
    // Alice's outline shows Bob in that section now.
    await expect(alice.sidebar.outlineItemByKey(monitoring).getByTestId('presence-avatar')).toHaveAttribute('title', 'Bob');

    // Select all and delete: the text goes, every section and its title stays, for both.
    await alice.editor.section(vision).locator('xpath=./p').first().click();
    await alice.page.keyboard.press('ControlOrMeta+a');
    await alice.page.keyboard.press('Delete');
    for (const user of [bob, alice]) {
      await expect.poll(() => user.editor.sectionText(vision)).toBe('');
      await expect.poll(() => user.editor.sectionText(goals)).toBe('');
      await expect.poll(() => user.editor.sectionText(monitoring)).toBe('');
      expect(await user.editor.sectionKeys()).toEqual(sectionKeys);
      expect(await user.editor.sectionTitles()).toEqual(sectionTitles);
    }
    // The strategy still takes text where it belongs.
    await alice.editor.typeInSection(goals, 'Goals, written again.');
    await expect.poll(() => bob.editor.sectionText(goals)).toBe('Goals, written again.');
    await expectSameDocument(alice, bob);
  });

  test('the coverage view shows an area of focus covered once it has text, an action naming it and an indicator', async ({ users, team }) => {
    const documentId = await team.createStrategy('Coverage');
    const alice = await users.member('Alice');
    const bob = await users.member('Bob');
    await alice.editor.goto(documentId);
    await bob.editor.goto(documentId);
    await alice.editor.expectEditable(true);

    await bob.sidebar.showCoverage();
    const area = bob.sidebar.coverageItem('sustainable-development');
    await expect(bob.sidebar.coverageSummary).toHaveText('0 of 12 areas of focus covered');
    await expect(area).toHaveAttribute('data-covered', 'false');
    await expect(area).toHaveAccessibleName('1.3 Sustainable development: needs work, no text, no actions and no indicator');

    await alice.editor.typeInSection('focus-sustainable-development', 'Every school plants a garden and teaches how to repair things.');
    await expect(area).toHaveAccessibleName('1.3 Sustainable development: needs work, no actions and no indicator');

    // An action plan row naming 1.3 in its Action cell, with an indicator in its Indicator cell.
    const actionRow = alice.editor.section('action-plan').getByRole('row').nth(1);
    await actionRow.getByRole('cell').first().click();
    await alice.page.keyboard.type('1.3 Repair cafés in every district');
    await expect(area).toHaveAccessibleName('1.3 Sustainable development: needs work, no indicator');
    // Tab moves to the next cell: Lead, Partners, Timeframe, Indicator.
    for (let cell = 0; cell < 4; cell += 1) await alice.page.keyboard.press('Tab');
    await alice.page.keyboard.type('Repair cafés open');
    await expect(actionRow.getByRole('cell').nth(4)).toHaveText('Repair cafés open');

    await expect(area).toHaveAttribute('data-covered', 'true');
    await expect(area).toHaveAccessibleName('1.3 Sustainable development: covered');
    await expect(bob.sidebar.coverageSummary).toHaveText('1 of 12 areas of focus covered');
    await expect(bob.sidebar.coverageItem('learning-for-and-in-the-workplace')).toHaveAttribute('data-covered', 'false');
  });
});

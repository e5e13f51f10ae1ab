import type { JSONNode } from '@lcs/shared';
import type { ExportComment, ExportMeta } from '../exportInput.ts';

// Builders for export tests and the benchmark: strategies in the editor's JSON shape
// (shared/src/coverage/strategyDocument.ts) holding every block type, mark and script.

type MarkName = 'bold' | 'italic' | 'strike' | 'code' | 'underline';

export function text(value: string, ...marks: MarkName[]): JSONNode {
  return marks.length > 0 ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
}

export function link(value: string, href: string, ...marks: MarkName[]): JSONNode {
  return { type: 'text', text: value, marks: [...marks.map((type) => ({ type })), { type: 'link', attrs: { href } }] };
}

export function paragraph(...content: (JSONNode | string)[]): JSONNode {
  return { type: 'paragraph', content: content.map((part) => (typeof part === 'string' ? text(part) : part)) };
}

export function heading(level: number, value: string): JSONNode {
  return { type: 'heading', attrs: { level }, content: [text(value)] };
}

export function list(kind: 'bulletList' | 'orderedList', items: (JSONNode[] | string)[], start?: number): JSONNode {
  const content = items.map((item) => ({ type: 'listItem', content: typeof item === 'string' ? [paragraph(item)] : item }));
  return start === undefined ? { type: kind, content } : { type: kind, attrs: { start }, content };
}

export function table(headings: string[], rows: string[][]): JSONNode {
  const row = (cells: string[], type: string) => ({ type: 'tableRow', content: cells.map((cell) => ({ type, content: [cell === '' ? { type: 'paragraph' } : paragraph(cell)] })) });
  return { type: 'table', content: [row(headings, 'tableHeader'), ...rows.map((cells) => row(cells, 'tableCell'))] };
}

export function section(key: string, title: string, content: JSONNode[], children: JSONNode[] = [], attrs: { status?: string; lead?: string | null } = {}): JSONNode {
  return {
    type: 'section',
    attrs: { key, status: attrs.status ?? 'drafting', lead: attrs.lead ?? null },
    content: [{ type: 'sectionTitle', content: [text(title)] }, ...content, ...children],
  };
}

/** Sentences in the scripts every format must get right, reused by the consumer tests. */
export const SCRIPTS = {
  french: 'Éducation tout au long de la vie : « apprendre à Montréal, c’est déjà l’été ».',
  arabic: 'مدينة التعلم مدى الحياة تحشد مواردها لتعزيز التعلم الشامل',
  arabicWithDigits: 'خطة 2030 للمدينة تشمل 12 مجالا',
  chinese: '上海开放大学为全市居民提供终身学习机会。',
  emoji: 'A learning festival for everyone 🎉📚👩🏽‍🏫',
} as const;

export const CRAFTED_META: ExportMeta = {
  title: 'Learning city strategy of Montréal-Nord',
  city: 'Montréal-Nord',
  country: 'Canada',
  teamName: 'Équipe Canada',
  workshopName: 'Empowering Cities to Be Key Players for Lifelong Learning Advancement',
  date: '25 October 2024',
  status: 'Final draft',
};

export const CRAFTED_COMMENTS: ExportComment[] = [
  { quote: 'a learning city for all', author: 'Dr. Lin Wei', body: 'Say who “all” includes | e.g. migrants.', replies: [{ author: 'Amina', body: 'Added in section 2.3 ✔' }] },
];

/** A strategy holding every block type, every mark and text in French, Arabic, Chinese and emoji. */
export function buildCraftedStrategy(): JSONNode {
  return {
    type: 'doc',
    content: [
      section('vision-and-motivation', 'Vision and motivation', [
        paragraph('Our vision: ', text('a learning city for all', 'bold'), ', where ', text('everyone', 'italic'), ' learns and ', text('no one', 'strike'), ' is left behind. See ', link('UNESCO GNLC', 'https://www.uil.unesco.org/en/learning-cities'), ', run ', text('npm test', 'code'), ' and read the ', text('underlined', 'underline'), ' words.'),
        paragraph(SCRIPTS.french),
        paragraph('First line', { type: 'hardBreak' }, 'second line after a hard break'),
        paragraph('Special characters: costs | budget * 2 _under_ review #1 <b>not html</b> & [brackets]'),
        heading(2, 'Ambitions by 2030'),
        list('bulletList', [[paragraph('Every resident can ', text('learn', 'bold', 'italic'), ' near home'), list('orderedList', ['Libraries open late', 'Community centres'], 3)], 'Workplaces train their staff']),
      ], [], { status: 'final', lead: 'Amina' }),
      section('context-and-situation-analysis', 'Context and situation analysis', [], [
        section('city-profile', 'City profile', [paragraph(SCRIPTS.arabic), paragraph(SCRIPTS.arabicWithDigits)]),
        section('stock-take-of-learning-provision', 'Stock-take of current learning provision', [
          paragraph(SCRIPTS.chinese),
          table(['Provider', 'Learners', 'Notes'], [['Bibliothèque centrale', '12 000', 'Open | evenings'], ['上海开放大学', '3 500', '']]),
        ]),
        section('challenges', 'Challenges', [
          paragraph(SCRIPTS.emoji),
          { type: 'blockquote', content: [paragraph('Learning is the treasure within.')] },
          { type: 'codeBlock', attrs: { language: 'text' }, content: [text('indicator = learners / residents\n```not a fence```')] },
          { type: 'horizontalRule' },
        ]),
      ]),
      section('key-features', 'Key Features areas of focus', [paragraph('We start with the workplace.')], [
        section('focus-learning-for-and-in-the-workplace', '2.3 Effective learning for and in the workplace', [
          paragraph('Apprenticeships with local employers.'),
          table(['Indicator', 'Baseline', 'Target', 'Source'], [['Adults in job-related training', '18%', '30%', 'Labour survey']]),
        ]),
      ]),
      section('action-plan', 'Action plan', [
        table(['Action', 'Lead', 'Partners', 'Timeframe', 'Indicator', 'Budget'], [['2.3 Apprenticeship fair', 'City council', 'Chamber | unions', '2025', 'Apprentices placed', '€ 40 000']]),
      ]),
    ],
  };
}

/** A plain document without sections, as a document not made from a template looks. */
export function buildPlainDocument(): JSONNode {
  return { type: 'doc', content: [heading(1, 'Notes'), paragraph('A plain paragraph.'), list('bulletList', ['One', 'Two'])] };
}

const LOREM =
  'The city will widen access to learning for adults in every district, working with libraries, schools, employers and community groups, ' +
  'and will report each year on who takes part, who does not, and what changes as a result of the programme.';

/**
 * A long strategy for the benchmark: every section of `template` with `paragraphs` paragraphs of
 * prose (some in Arabic and Chinese), a list, and an action plan of `actions` rows at the end.
 * About 18 paragraphs per section and 90 actions make some 50 A4 pages.
 */
export function buildLongStrategy(template: { sections: { key: string; title: string; children?: { key: string; title: string }[] }[] }, paragraphs = 18, actions = 90): JSONNode {
  const prose = (index: number) =>
    index % 7 === 3 ? paragraph(`${SCRIPTS.arabic}، ${SCRIPTS.arabicWithDigits}.`) : index % 7 === 5 ? paragraph(SCRIPTS.chinese.repeat(4)) : paragraph(text('Goal. ', 'bold'), LOREM, ' ', LOREM);
  const content = () => [...Array.from({ length: paragraphs }, (_, index) => prose(index)), list('bulletList', ['Libraries open late', 'Learning festival every spring', 'Digital skills for older people'])];
  const rows = Array.from({ length: actions }, (_, index) => [`2.${(index % 6) + 1} Action ${index + 1}: ${LOREM.slice(0, 60)}`, 'City council', 'Universities | NGOs', '2025–2027', 'Participants per year', '€ 25 000']);
  return {
    type: 'doc',
    content: template.sections.map((top) =>
      section(
        top.key,
        top.title,
        top.key === 'action-plan' ? [table(['Action', 'Lead', 'Partners', 'Timeframe', 'Indicator', 'Budget'], rows)] : content(),
        (top.children ?? []).map((child) => section(child.key, child.title, content().slice(0, Math.ceil(paragraphs / 4)))),
      ),
    ),
  };
}

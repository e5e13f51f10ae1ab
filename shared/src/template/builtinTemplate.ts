import { builtinThematicPriorities, keyFeaturesAreas } from './keyFeaturesFramework.ts';
import type { Template, TemplateBlock, TemplateSection, TemplateSubsection } from './templateSchema.ts';

type SubsectionOptions = Partial<Pick<TemplateSubsection, 'required' | 'blocks' | 'areaOfFocusKey'>>;

const prose = (placeholder?: string): TemplateBlock => (placeholder ? { kind: 'prose', placeholder } : { kind: 'prose' });

// Every guidance question below is written by this product, not quoted from UNESCO.
function subsection(key: string, title: string, guidance: string[], options: SubsectionOptions = {}): TemplateSubsection {
  return { key, title, guidance, guidanceSource: 'product', required: true, blocks: [prose()], ...options };
}

function section(
  key: string,
  title: string,
  guidance: string[],
  { children, ...options }: SubsectionOptions & { children?: TemplateSubsection[] } = {},
): TemplateSection {
  return children ? { ...subsection(key, title, guidance, options), children } : subsection(key, title, guidance, options);
}

/**
 * One subsection per area of focus, titled from the framework so a corrected title cannot drift.
 * Not required: the coverage view already shows which areas of focus still need work, and a city
 * may rightly put some first.
 */
const areaOfFocusSections = keyFeaturesAreas.flatMap((area) =>
  area.areasOfFocus.map((focus) =>
    subsection(
      `focus-${focus.key}`,
      `${focus.number} ${focus.title}`,
      [
        'What is the situation in your city today for this area of focus?',
        'What do you want to achieve, and by when?',
        `Which actions will get you there? Add them to the action plan and write ${focus.number} in the Action cell.`,
        'How will you measure progress? Add at least one indicator with a baseline and a target.',
      ],
      { required: false, areaOfFocusKey: focus.key, blocks: [prose(), { kind: 'indicatorTable' }] },
    ),
  ),
);

/** The built-in English template: the strategy frame plus the Key Features of Learning Cities. */
export const builtinTemplate: Template = {
  id: 'learning-city-strategy',
  version: 1,
  language: 'en',
  title: 'Learning city strategy',
  sections: [
    section('vision-and-motivation', 'Vision and motivation', [
      'What will lifelong learning look like in your city in ten years?',
      'Why is your city committing to become a learning city now?',
      'Who helped shape this vision, and who has endorsed it?',
    ]),
    section('context-and-situation-analysis', 'Context and situation analysis', ['What does a reader need to know about the city before reading the goals?'], {
      required: false,
      blocks: [],
      children: [
        subsection('city-profile', 'City profile', [
          'How many people live in the city, and how is the population changing?',
          'What drives the local economy?',
          'Which languages and communities make up the city?',
        ]),
        subsection('stock-take-of-learning-provision', 'Stock-take of current learning provision', [
          'Who provides learning today: schools, universities, vocational training, libraries, museums, community centres, workplaces, online?',
          'Which initiatives already work well, and who runs them?',
          'Where are the gaps, overlaps and groups nobody reaches?',
        ]),
        subsection('challenges', 'Challenges', [
          'What are the main social, economic and environmental issues the city faces?',
          'Which of them can learning help to address?',
          'What stands in the way: funding, coordination, data, participation?',
        ]),
      ],
    }),
    section('goals-and-priorities', 'Goals and priorities', [
      'Which three to five goals does this strategy set?',
      'Which targets will show progress, and by when?',
      'How often will you review the goals, and who does it?',
    ]),
    section('key-features', 'Key Features areas of focus', [
      'Which areas of focus matter most for your city now, and why?',
      'Where do you already have strengths to build on?',
    ], { required: false, blocks: [prose('Optional: which areas of focus come first for your city, and why.')], children: areaOfFocusSections }),
    section('thematic-priorities', 'Thematic priorities', [
      'How will the strategy contribute to sustainable development and climate action?',
      'Which other themes come first: health and well-being, equity and inclusion, literacy, entrepreneurship, global citizenship?',
      'Which areas of focus and actions does each theme connect to?',
    ], { required: false }),
    section('governance-and-stakeholders', 'Governance and stakeholders', [
      'Who sits on the steering group, and who chairs it?',
      'Which sectors take part: government, education, business, civil society, culture, health?',
      'How do learners and communities take part in decisions?',
      'Who coordinates the work from day to day?',
    ]),
    section('celebration-and-outreach', 'Celebration and outreach', [
      'Which flagship event, such as a learning festival, will celebrate learning in the city?',
      'How will you reach residents who do not usually take part?',
    ], { required: false }),
    section('accessibility-and-target-groups', 'Accessibility and target groups', [
      'Which groups face the greatest barriers to learning?',
      'What will you do about cost, distance, language, timing and digital access?',
      'How will you know whether these groups are being reached?',
    ]),
    section('resources-and-funding', 'Resources and funding', [
      'What will the strategy cost, and over how many years?',
      'Who will fund it: city budget, national programmes, partners, private sector, international sources?',
      'Which spaces, volunteers and expertise can partners contribute?',
      'How will funding continue beyond the first years?',
    ]),
    section('monitoring-and-evaluation', 'Monitoring and evaluation', [
      'Which indicators will show progress, and what are their baselines and targets?',
      'Where will the data come from, and who collects it?',
      'How often will you report, to whom, and how will the findings change the plan?',
    ], { blocks: [prose(), { kind: 'indicatorTable' }] }),
    section('policy-alignment', 'Alignment with national and international policy', [
      'Which national education and lifelong learning policies does this strategy support?',
      'How does it contribute to SDG 4 on education and SDG 11 on cities?',
    ], { required: false }),
    section('action-plan', 'Action plan', [
      'Which concrete actions will reach each goal?',
      'Who leads each action, and which partners take part?',
      'When does each action happen, how will you measure it, and what will it cost?',
      'Write the area of focus it serves (e.g. 2.3) in the Action cell, so the coverage view counts it.',
    ], { blocks: [{ kind: 'actionPlanTable' }] }),
  ],
  keyFeatures: { areas: keyFeaturesAreas },
  thematicPriorities: builtinThematicPriorities,
};

import type { KeyFeaturesArea, ThematicPriority } from './templateSchema.ts';

function focus(key: string, number: string, title: string) {
  return { key, number, title, features: [] };
}

/**
 * The Key Features of Learning Cities (UNESCO, adopted 2013, published 2015): three areas drawn as
 * the pediment, columns and foundation of the UNESCO logo, and twelve areas of focus, named exactly
 * as UNESCO names them. The 42 features are left empty on purpose: their wording is UNESCO's and is
 * not reproduced here, so a facilitator imports or types them (the schema accepts them as data).
 */
export const keyFeaturesAreas: KeyFeaturesArea[] = [
  {
    key: 'wider-benefits',
    number: '1',
    title: 'Wider benefits of building a learning city',
    metaphor: 'pediment',
    areasOfFocus: [
      focus('individual-empowerment-and-social-cohesion', '1.1', 'Individual empowerment and social cohesion'),
      focus('economic-development-and-cultural-prosperity', '1.2', 'Economic development and cultural prosperity'),
      focus('sustainable-development', '1.3', 'Sustainable development'),
    ],
  },
  {
    key: 'major-building-blocks',
    number: '2',
    title: 'Major building blocks of a learning city',
    metaphor: 'columns',
    areasOfFocus: [
      focus('inclusive-learning-in-the-education-system', '2.1', 'Inclusive learning in the education system'),
      focus('learning-in-families-and-communities', '2.2', 'Re-vitalised learning in families and communities'),
      focus('learning-for-and-in-the-workplace', '2.3', 'Effective learning for and in the workplace'),
      focus('modern-learning-technologies', '2.4', 'Extended use of modern learning technologies'),
      focus('quality-in-learning', '2.5', 'Enhanced quality in learning'),
      focus('culture-of-learning-throughout-life', '2.6', 'A vibrant culture of learning throughout life'),
    ],
  },
  {
    key: 'fundamental-conditions',
    number: '3',
    title: 'Fundamental conditions for building a learning city',
    metaphor: 'foundation',
    areasOfFocus: [
      focus('political-will-and-commitment', '3.1', 'Strong political will and commitment'),
      focus('governance-and-participation', '3.2', 'Governance and participation of all stakeholders'),
      focus('mobilisation-and-utilisation-of-resources', '3.3', 'Mobilisation and utilisation of resources'),
    ],
  },
];

/** Themes a strategy can put first; sustainable development and climate action leads the list. */
export const builtinThematicPriorities: ThematicPriority[] = [
  { key: 'sustainable-development-and-climate-action', title: 'Sustainable development and climate action' },
  { key: 'health-and-well-being', title: 'Health and well-being' },
  { key: 'equity-and-inclusion', title: 'Equity and inclusion' },
  { key: 'literacy', title: 'Literacy' },
  { key: 'entrepreneurship', title: 'Entrepreneurship' },
  { key: 'global-citizenship', title: 'Global citizenship' },
];

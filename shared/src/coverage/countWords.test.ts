import { describe, expect, it } from 'vitest';
import { countWords, countWordsWithRegex, countWordsWithSegmenter } from './countWords.ts';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

const implementations = [
  { name: 'Intl.Segmenter', count: (text: string) => countWordsWithSegmenter(text, segmenter) },
  { name: 'the regex fallback', count: countWordsWithRegex },
  { name: 'countWords', count: countWords },
];

const cases = [
  { text: '', words: 0 },
  { text: '  \n\t ', words: 0 },
  { text: 'Learning city strategy', words: 3 },
  { text: 'lifelong-learning for all, by 2030: 25% more', words: 8 },
  { text: 'l’éducation des adultes à Montréal', words: 5 },
  { text: "l'été est là", words: 3 },
  { text: 'cafe\u0301 cre\u0300me', words: 2 },
  { text: 'مدينة التعلم مدى الحياة', words: 4 },
  { text: 'التَّعَلُّمُ مَدَى الحَيَاةِ', words: 3 },
  { text: '学习型城市', words: 5 },
  { text: '建设学习型城市，促进终身学习。', words: 13 },
  { text: 'AI学习 and SDG 4 目标', words: 8 },
  { text: 'まなびのまち', words: 6 },
  { text: '평생 학습 도시', words: 3 },
  { text: 'Kujifunza maisha yote 🎉 — !', words: 3 },
];

describe.each(implementations)('word count with $name', ({ count }) => {
  it.each(cases)('counts $words words in "$text"', ({ text, words }) => {
    expect(count(text)).toBe(words);
  });
});

describe('word count of unspaced scripts', () => {
  it('splits Thai into dictionary words with Intl.Segmenter, where the regex sees one run', () => {
    const thai = 'เมืองแห่งการเรียนรู้';
    expect(countWordsWithSegmenter(thai, segmenter)).toBeGreaterThan(1);
    expect(countWordsWithRegex(thai)).toBe(1);
  });
});

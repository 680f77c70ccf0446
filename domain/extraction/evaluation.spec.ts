import { evaluateExtraction } from './evaluation';

describe('evaluateExtraction', () => {
  it('matches same article and speaker with half the shorter text shared, one to one, as many as possible', () => {
    const gold = [
      { article: 'a', speaker: 'x', quote: 'backstop' },
      { article: 'a', speaker: 'x', quote: 'The reason I say the backstop is so important is deterrence.' },
      {
        article: 'a',
        speaker: 'y',
        quote: 'We will never give up.',
        said_on: '2025-01-02',
        topic: 't',
        stance: 'oppose',
      },
    ];
    const predicted = [
      {
        article: 'a',
        speaker: 'x',
        quote: '“The reason I say the backstop is so important is deterrence,”',
        said_on: null,
      },
      { article: 'a', speaker: 'x', quote: 'backstop' },
      {
        article: 'a',
        speaker: 'y',
        quote: 'We will never give up',
        said_on: '2025-01-02',
        topic: 't',
        stance: 'support',
      },
      { article: 'a', speaker: 'z', quote: 'We will never give up' },
    ];
    const result = evaluateExtraction(gold, predicted);
    expect(result).toMatchObject({ matched: 3, precision: 0.75, recall: 1, f1: 0.857 });
    expect(result.saidOn).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(result.stance).toEqual({ correct: 0, total: 1, accuracy: 0 });
    expect(result.falsePositives.map((line) => line.speaker)).toEqual(['z']);
    // Only the matched line whose stance differs is listed, naming that field alone; gold without a field is not judged.
    expect(result.disagreements).toEqual([{ gold: gold[2], predicted: predicted[2], fields: ['stance'] }]);
  });
});

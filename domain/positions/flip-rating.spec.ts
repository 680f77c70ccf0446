import type { Stance } from './stance';
import { rateFlip, type RatedStance } from './flip-rating';

const s = (stance: Stance, ...conditions: string[]): RatedStance => ({
  stance,
  conditions: conditions.map((text) => ({ text, topicId: null })),
});

describe('rateFlip', () => {
  it.each([
    ['support → oppose', s('support'), s('oppose'), 'full-flop'],
    [
      'conditional-support → conditional-opposition',
      s('conditional-support', 'if'),
      s('conditional-opposition', 'unless'),
      'full-flop',
    ],
    [
      'support → conditional-support',
      s('support'),
      s('conditional-support', 'only with a backstop'),
      'half-flip',
    ],
    [
      'oppose → conditional-opposition',
      s('oppose'),
      s('conditional-opposition', 'beyond very much'),
      'half-flip',
    ],
    [
      'conditional-support with a condition dropped',
      s('conditional-support', 'a', 'b'),
      s('conditional-support', 'a'),
      'half-flip',
    ],
    [
      'conditional-support with the same conditions',
      s('conditional-support', 'A '),
      s('conditional-support', 'a'),
      'no-flip',
    ],
    ['support → hedged', s('support'), s('hedged'), 'engagement-change'],
    ['no-comment → oppose', s('no-comment'), s('oppose'), 'engagement-change'],
    ['hedged → no-comment', s('hedged'), s('no-comment'), 'engagement-change'],
    ['nothing → support', null, s('support'), 'engagement-change'],
    ['oppose → nothing (withdrawn)', s('oppose'), null, 'engagement-change'],
    ['support → support', s('support'), s('support'), 'no-flip'],
    ['hedged → hedged', s('hedged'), s('hedged'), 'no-flip'],
  ] as const)('%s is %s', (_, before, after, rating) => expect(rateFlip(before, after)).toBe(rating));
});

import { agreementOf, compareStances, distanceOf } from './compare';
import { changeBetween } from './changes';
import { cameoFor } from './cameo';

describe('compareStances', () => {
  it('says agree, oppose, or hedged-or-silent from the signs of the scores', () => {
    expect(agreementOf([1, 0.5])).toBe('agree');
    expect(agreementOf([-0.5, -1])).toBe('agree');
    expect(agreementOf([1, -0.5])).toBe('oppose');
    expect(agreementOf([1, 0])).toBe('hedged-or-silent');
    expect(agreementOf([1, null])).toBe('hedged-or-silent');
    expect(agreementOf([1, null, -1])).toBe('oppose');
  });

  it('orders topics by how far apart the actors are, then by topic id', () => {
    const stances = [
      { actorId: 'a', topicId: 't.1', score: 1 },
      { actorId: 'b', topicId: 't.1', score: 0.5 },
      { actorId: 'a', topicId: 't.2', score: 1 },
      { actorId: 'b', topicId: 't.2', score: -1 },
      { actorId: 'b', topicId: 't.0', score: -1 },
    ];
    const compared = compareStances(['a', 'b'], stances);
    expect(compared.map(({ topicId, agreement, distance }) => [topicId, agreement, distance])).toEqual([
      ['t.2', 'oppose', 2],
      ['t.1', 'agree', 0.5],
      ['t.0', 'hedged-or-silent', 0],
    ]);
    expect(compared[2].stances).toEqual([
      { actorId: 'a', stance: null },
      { actorId: 'b', stance: { score: -1 } },
    ]);
    expect(distanceOf([null, 1])).toBe(0);
  });
});

describe('changeBetween', () => {
  const held = (positionId: string, stance: 'support' | 'oppose') => ({ positionId, stance, conditions: [] });
  it('names the kind of change and rates it', () => {
    expect(changeBetween(held('p-1', 'support'), held('p-1', 'support'))).toBeNull();
    expect(changeBetween(null, held('p-1', 'support'))).toMatchObject({ kind: 'started' });
    expect(changeBetween(held('p-1', 'support'), null)).toMatchObject({ kind: 'ended' });
    expect(changeBetween(held('p-1', 'support'), held('p-2', 'oppose'))).toMatchObject({
      kind: 'changed',
      rating: 'full-flop',
    });
    expect(changeBetween(held('p-1', 'support'), held('p-2', 'support'))).toMatchObject({
      kind: 'restated',
      rating: 'no-flip',
    });
  });
});

describe('cameoFor', () => {
  it('maps a topic through its nearest mapped ancestor, the specific ones first', () => {
    expect(cameoFor('ukraine.security-guarantees.us')).toMatchObject({ cameoCode: '0334', goldstein: 5.2 });
    expect(cameoFor('trade.tariffs.eu')).toMatchObject({ cameoCode: '163' });
    expect(cameoFor('trade.tariffs.uk-exemption')).toMatchObject({ cameoCode: '085' });
    expect(cameoFor('uk-us.state-visit')).toBeNull();
  });
});

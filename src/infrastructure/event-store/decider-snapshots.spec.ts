import { isMap } from 'immutable';
import { actorDecider } from '@domain/actors';
import { actorPositionsDecider, type ActorPositions } from '@domain/positions';
import { generateHistory, seededRandom } from '../../../test/support/generated-positions';
import { decodeState, encodeState } from './decider-snapshots';

describe('decider snapshot encoding', () => {
  it('gives back the actor positions state a fold builds, persistent map included', () => {
    const history = generateHistory(
      'keir-starmer',
      ['t.a', 't.b', 't.c'],
      300,
      seededRandom(7),
      Date.UTC(2024, 0, 1),
    );
    const state = history.events.reduce(
      (folded, event) => actorPositionsDecider.evolve(folded, event),
      actorPositionsDecider.initialState(),
    );
    const decoded = decodeState<ActorPositions>(encodeState(state));
    expect(state.status === 'registered' && state.positions.size).toBeGreaterThan(100);
    expect(decoded.status).toBe('registered');
    if (decoded.status !== 'registered' || state.status !== 'registered') return;
    expect(decoded.actorId).toBe(state.actorId);
    expect(isMap(decoded.positions)).toBe(true);
    expect(decoded.positions.toJS()).toEqual(state.positions.toJS());
    expect([...decoded.positions.keys()].sort()).toEqual([...state.positions.keys()].sort());
  });

  it('keeps plain states as they are', () => {
    const state = actorDecider.initialState();
    expect(decodeState(encodeState(state))).toEqual(state);
  });
});

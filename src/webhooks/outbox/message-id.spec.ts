import { v5 as uuidv5 } from 'uuid';
import { messageIdOf } from './message-id';

describe('messageIdOf', () => {
  it('is the uuid package v5 of the name in the notices namespace, for ASCII and other text', () => {
    const namespace = '2c5e8f0a-7d4b-4c1e-9f3a-6b8d0e2a4c61';
    for (const name of [
      '7e111feb-d664-467d-a391-2e73bfd16d90:position.stated:ukraine.ceasefire',
      'a:stance.changed:middle-east.gaza',
      'ünïcödé — “quoted” ✓',
      '',
    ])
      expect(messageIdOf(name)).toBe(`msg_${uuidv5(name, namespace)}`);
  });
});

import { analyseText } from './language';

describe('analyseText', () => {
  it('keeps a word with letters the model does not know in one token, a name when capitalised', () => {
    const text = 'Co-leader Hana Rāwiri met Łukasz Nowak in Ngāruawāhia; they agreed.';
    const tokens = analyseText(text).tokens;
    expect(tokens.map((token) => token.text)).toEqual(
      expect.arrayContaining(['Rāwiri', 'Łukasz', 'Ngāruawāhia']),
    );
    const rawiri = tokens.find((token) => token.text === 'Rāwiri')!;
    expect(rawiri.pos).toBe('PROPN');
    expect(text.slice(rawiri.start, rawiri.end)).toBe('Rāwiri');
  });
});

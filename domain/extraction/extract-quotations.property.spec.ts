import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { extractQuotations } from './extract-quotations';
import type { ExtractionKnowledge } from './extraction.types';

const seed = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', name), 'utf8'));
// Actors as the HTTP fuzz test registers them: titles and organisations named like Object.prototype members.
const odd = (id: string, word: string) => ({
  id,
  name: `${word} ${word}`,
  kind: 'person' as const,
  aliases: [word],
  roles: [{ title: word, organisation: word, from: null, to: null }],
});
const knowledge: ExtractionKnowledge = {
  actors: [...seed('actors.json'), odd('odd-constructor', 'constructor'), odd('odd-proto', '__proto__')],
  topics: seed('topic-lexicon.json'),
  cues: seed('stance-cues.json'),
};

/** Pieces of print the rules look for, mixed with noise: every mark, label, signature and title they read. */
const PIECES = [
  '"',
  '“',
  '”',
  '„',
  '‚',
  '‘',
  '’',
  '«',
  '»',
  '—',
  '–',
  '-',
  ':',
  '?',
  '.',
  ',',
  '\n',
  '\n\n',
  '(',
  ')',
  ' said ',
  ' told reporters',
  ' wrote on X',
  'HOST: ',
  'ARAGHCHI: ',
  'Lin Jian: ',
  'Q: ',
  'A: ',
  '(END VIDEOTAPE)',
  '— Emmanuel Macron, French president',
  'the Ministry of Foreign Affairs',
  'the government of Mauritius',
  'Shri ',
  'HH the Amir ',
  'al-',
  ' bin ',
  'The 69-year-old ',
  'Aug. ',
  'In Khan Younis, ',
  ', who ',
  '(BDI)',
  'constructor',
  '__proto__',
  'Trump',
  'Zelensky',
  'Putin',
  'We will',
  'not',
  'unacceptable',
  'Gaza',
  'É',
  '😀',
];

describe('extractQuotations on text of any shape', () => {
  it('never throws, and every quotation it returns lies inside the text', () => {
    const printed = fc
      .array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 })), { maxLength: 120 })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(printed, (text) => {
        for (const quotation of extractQuotations(
          { id: 'p', text, outlet: 'o', publishedOn: '2025-06-01' },
          knowledge,
        ))
          if (quotation.start < 0 || quotation.end > text.length || quotation.start > quotation.end)
            throw new Error(`span ${quotation.start}-${quotation.end} outside a text of ${text.length}`);
      }),
      { numRuns: 400 },
    );
  });
});

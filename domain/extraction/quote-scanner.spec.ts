import { quotedText, scanQuotations } from './quote-scanner';

const texts = (text: string) => scanQuotations(text).map((quote) => quotedText(text, quote));

describe('scanQuotations', () => {
  it('reads curly and straight double quotes, spans from opening to closing mark', () => {
    const text = 'He said: “We are ready.” Then: "So are we," she replied.';
    const quotes = scanQuotations(text);
    expect(texts(text)).toEqual(['We are ready.', 'So are we,']);
    for (const quote of quotes) {
      const span = text.slice(quote.parts[0].start, quote.parts[quote.parts.length - 1].end);
      expect(span[0]).toMatch(/[“"]/);
      expect(span.at(-1)).toMatch(/[”"]/);
    }
  });

  it('reads single quotes whose closing mark is also the apostrophe inside', () => {
    const text =
      "Ms Reeves said the plan was ‘the world’s best offer, and members’ money is safe’, adding: 'It isn't a gamble.'";
    expect(texts(text)).toEqual(['the world’s best offer, and members’ money is safe', "It isn't a gamble."]);
  });

  it('joins a quotation continued over paragraphs that open it again without closing it', () => {
    const text =
      'He said: ‘We will not give up our land.\n‘Not now, not ever.\n‘That is final.’\nThe talks went on.';
    expect(texts(text)).toEqual(['We will not give up our land. Not now, not ever. That is final.']);
    expect(scanQuotations(text)[0].parts).toHaveLength(3);
  });

  it('reads a stray opening mark after a finished sentence as a paragraph break run together', () => {
    const text = 'She said: “We want peace. “The question is how.” Then she left.';
    expect(texts(text)).toEqual(['We want peace. The question is how.']);
  });

  it('reads an opening curly mark used as the closer, as converted copy prints it', () => {
    const text = '“The border stays open to trade,“ the minister said.\n“Every truck will be checked“.';
    expect(texts(text)).toEqual(['The border stays open to trade,', 'Every truck will be checked']);
  });

  it('reads a paragraph that lost its opening mark when the attribution follows its closer', () => {
    const text = 'We offered a schedule. They asked for more time“, she explained.\nNothing “quoted“ here.';
    expect(texts(text)).toEqual(['We offered a schedule. They asked for more time', 'quoted']);
    expect(texts('A long report“ was published.')).toEqual([]);
  });

  it('keeps nested quotations inside their host', () => {
    const text =
      'He said: "They call it \'a special operation\', but it is a war." Then "we go on," he added.';
    expect(texts(text)).toEqual(["They call it 'a special operation', but it is a war.", 'we go on,']);
  });

  it('drops a quotation opened and never closed nor continued', () => {
    expect(texts('He said: “We are ready\nNext paragraph without a mark.')).toEqual([]);
  });

  it('keeps a statement whose closing mark the printer dropped, when a verb of saying introduces it', () => {
    const text =
      'The defence secretary told the committee: "We will reach three per cent of output within this parliament.\n' +
      'Members then turned to procurement and the shipyards.';
    expect(texts(text)).toEqual(['We will reach three per cent of output within this parliament.']);
    // Not a stray mark without a verb of saying, nor one that stops mid-sentence.
    expect(texts('The banner read "Peace now for all of us.\nThe crowd left.')).toEqual([]);
    expect(texts('She said: "We are ready to sign the\nNext paragraph.')).toEqual([]);
  });

  it('closes a single quotation opened with a straight mark by a curly one, and the other way round', () => {
    const text =
      "Italy's prime minister repeated it. 'We will not send soldiers. We will help in other ways,’ her office said.\n" +
      "‘The door is not closed,' he added.";
    expect(texts(text)).toEqual([
      'We will not send soldiers. We will help in other ways,',
      'The door is not closed,',
    ]);
  });

  it('keeps a statement of two sentences left open with its last stop dropped, even after a sentence of narrative', () => {
    const text = [
      'The envoy said the region had heard enough promises. “Every truce we sign is broken within a week. The only way out is a border, and the window is closing',
      '',
      'She did not say more. Asked again, she said only: "Everything is open."',
    ].join('\n');
    expect(texts(text)).toEqual([
      'Every truce we sign is broken within a week. The only way out is a border, and the window is closing',
      'Everything is open.',
    ]);
  });
});

import { cleanArticleText, guillemetsAsCurly, lowHighAsCurly } from './clean-up';

describe('cleanArticleText', () => {
  it('blanks inline image tags, gallery captions and scraper boilerplate without moving any offset', () => {
    const original = [
      'The minister spoke on Monday.',
      '<image>data:image/s3,"s3://crabby-images/8e1cd/8e1cd5a74e7a3d6f35dfa2a0d85b5d63de6bd4f7" alt="Sign up to our "Daily Brief" newsletter"</image>',
      'open image in gallery Kaja Kallas in Brussels ( Getty )',
      '“We will not be divided,” Ms Kallas said.',
      'Images are for reference only.All rights on the images and contents are with their legal original owners.',
    ].join('\n');
    const cleaned = cleanArticleText(original);
    expect(cleaned.text).toHaveLength(original.length);
    expect(cleaned.text).not.toContain('Daily Brief');
    expect(cleaned.text).not.toContain('open image in gallery');
    expect(cleaned.text).not.toContain('reference only');
    const quote = original.indexOf('“We will');
    expect(cleaned.text.slice(quote, quote + 24)).toBe(original.slice(quote, quote + 24));
    expect(cleaned.text.split('\n')).toHaveLength(original.split('\n').length);
  });

  it('blanks the headline and the standfirst above a byline near the top, and keeps the story below it', () => {
    const original = [
      'Minister sees "progress" on the new plan',
      '',
      'The foreign minister says the revised text is "a step, not a deal", and that talks must go on.',
      '',
      'By Anna Kowal, Warsaw',
      '',
      '"It is a step, not a deal," the minister said on Tuesday.',
    ].join('\n');
    const cleaned = cleanArticleText(original).text;
    expect(cleaned).toHaveLength(original.length);
    expect(cleaned).not.toContain('revised text');
    expect(cleaned).toContain('"It is a step, not a deal," the minister said on Tuesday.');
  });

  it('removes a "(pictured)" caption that repeats a body paragraph, and the inline "(pictured)" marker', () => {
    const body =
      'Mr Rutte did not seem in a mood to compromise last night, telling allies the target would stay at five per cent.';
    const caption =
      'Mr Rutte (pictured) did not seem in a mood to compromise last night, telling allies the target would stay';
    const original = `${body}\n${caption}\nThe summit ends today.`;
    const cleaned = cleanArticleText(original).text;
    expect(cleaned.slice(0, body.length)).toBe(body);
    expect(cleaned.slice(body.length + 1, body.length + 1 + caption.length).trim()).toBe('');
    expect(cleaned.endsWith('The summit ends today.')).toBe(true);
  });

  it('removes a short caption whose quoted words stand in the body', () => {
    const original =
      'Turning to the cameras, the president said: “We will meet again in Geneva.”\nThe president told reporters “We will meet again in Geneva” as he left on Friday';
    const cleaned = cleanArticleText(original).text;
    expect(cleaned).toContain('“We will meet again in Geneva.”');
    expect(cleaned).not.toContain('as he left on Friday');
  });

  it('reads guillemets as curly marks in either direction, spaced or not, without moving any offset', () => {
    const french = 'Le ministre a dit : « Nous ne céderons pas », puis il est parti.';
    const german = 'Sie sagte: »Wir sind bereit«, und ging. Er nannte es ›unklug‹.';
    expect(guillemetsAsCurly(french)).toBe(
      'Le ministre a dit :  “Nous ne céderons pas” , puis il est parti.',
    );
    expect(guillemetsAsCurly(german)).toBe('Sie sagte: “Wir sind bereit”, und ging. Er nannte es ‘unklug’.');
    expect(guillemetsAsCurly('«Мы готовы», сказал он.')).toBe('“Мы готовы”, сказал он.');
    for (const text of [french, german]) expect(cleanArticleText(text).text).toHaveLength(text.length);
  });

  it('reads low-high marks („…“, „…”, ‚…‘) as curly marks, and leaves an English “…” after them as it is', () => {
    const german =
      '„Das ist schwer“, sagte er. Die ‚reziproken‘ Zölle. „Nie”, rief sie. Then: “Fine,” he said.';
    expect(lowHighAsCurly(german)).toBe(
      '“Das ist schwer”, sagte er. Die ‘reziproken’ Zölle. “Nie”, rief sie. Then: “Fine,” he said.',
    );
    expect(cleanArticleText(german).text).toHaveLength(german.length);
  });
});

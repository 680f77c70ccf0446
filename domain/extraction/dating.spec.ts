import { findSaidOn } from './dating';

describe('findSaidOn', () => {
  const thursday = '2025-02-27';

  it('puts "last night" on the evening before the publication day', () => {
    expect(findSaidOn('Speaking to reporters last night, the minister said', thursday)).toEqual({
      day: '2025-02-26',
      precision: 'day',
      evidence: 'last night',
    });
  });

  it('reads a month alone within the half-year to come as a plan, and one further on as last year’s', () => {
    expect(findSaidOn('the two sides agreed to meet again in May', '2025-04-18')).toBeNull();
    expect(findSaidOn('the minister said in December that talks were over', '2026-01-15')?.day).toBe(
      '2025-12-01',
    );
  });

  it('resolves "yesterday" and a past weekday against the publication day', () => {
    expect(findSaidOn('the president said yesterday', thursday)?.day).toBe('2025-02-26');
    expect(findSaidOn('the president said on Monday', thursday)?.day).toBe('2025-02-24');
    expect(findSaidOn('the president said on Friday', thursday)?.day).toBe('2025-02-21');
  });

  it('gives week precision from the Monday for "earlier this week" and "last week"', () => {
    expect(findSaidOn('she said earlier this week', thursday)).toMatchObject({
      day: '2025-02-24',
      precision: 'week',
    });
    expect(findSaidOn('she said last week', thursday)).toMatchObject({
      day: '2025-02-17',
      precision: 'week',
    });
  });

  it('reads absolute dates in the past, and ignores days that date a future event', () => {
    expect(findSaidOn('he said on 9 August', '2025-08-18')?.day).toBe('2025-08-09');
    expect(findSaidOn('he will meet the president on Thursday', '2025-02-26')).toBeNull();
    expect(findSaidOn('he said it', thursday)).toBeNull();
  });

  it('leaves the day of a relative clause about something else to that, unless its verb is of saying', () => {
    expect(findSaidOn('Vance, who visited the base in January, has said', thursday)).toBeNull();
    expect(findSaidOn('the accord, which was signed on Monday, was', thursday)).toBeNull();
    expect(findSaidOn('Rubio, who spoke on Monday, said', thursday)?.day).toBe('2025-02-24');
  });
});

import { comparePositions, isLogPosition } from './log-position';

describe('comparePositions', () => {
  it('orders by the first number, then the second, as integers and not as text', () => {
    expect(comparePositions('9.100', '10.1')).toBe(-1);
    expect(comparePositions('10.2', '10.10')).toBe(-1);
    expect(comparePositions('10.10', '10.10')).toBe(0);
    expect(comparePositions('18446744073709551615.2', '18446744073709551614.9')).toBe(1);
  });

  it('puts null (the start of the log) before every position', () => {
    expect(comparePositions(null, '0.0')).toBe(-1);
    expect(comparePositions('0.0', null)).toBe(1);
    expect(comparePositions(null, null)).toBe(0);
  });

  it('tells a position from anything else', () => {
    expect(isLogPosition('1234.58')).toBe(true);
    expect(isLogPosition('1234')).toBe(false);
    expect(isLogPosition('12.34.5')).toBe(false);
  });
});

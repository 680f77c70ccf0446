import { toKebab } from './ids';

describe('toKebab', () => {
  it('spells out the letters no decomposition takes apart, and drops accents', () => {
    expect(toKebab('Lars Løkke Rasmussen')).toBe('lars-lokke-rasmussen');
    expect(toKebab('Maroš Šefčovič')).toBe('maros-sefcovic');
    expect(toKebab('Władysław Kosiniak-Kamysz')).toBe('wladyslaw-kosiniak-kamysz');
    expect(toKebab('Ærø Æbelø')).toBe('aero-aebelo');
    expect(toKebab('Straße')).toBe('strasse');
    expect(toKebab('  Thérèse Kayikwamba Wagner ')).toBe('therese-kayikwamba-wagner');
  });
});

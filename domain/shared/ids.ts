export const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DOTTED_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

/** Latin letters that no decomposition takes apart, as they are written in plain ASCII: "Løkke" is `lokke`. */
const SPELLED_OUT: Record<string, string> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower-case ASCII words joined by hyphens: "Lars Løkke Rasmussen" is `lars-lokke-rasmussen`, "Šefčovič" `sefcovic`. */
export const toKebab = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[øæœßłđðþı]/g, (letter) => SPELLED_OUT[letter])
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const time = '(\\d{2}):(\\d{2}):(\\d{2})';
const month = `(${months.join('|')})`;
const imfFixdate = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) ${month} (\\d{4}) ${time} GMT$`);
const rfc850 = new RegExp(
  `^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-${month}-(\\d{2}) ${time} GMT$`,
);
const asctime = new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ${month} ( \\d|\\d{2}) ${time} (\\d{4})$`);

const utc = (year: number, monthName: string, day: number, clock: string[]): number | null => {
  const [hours, minutes, seconds] = clock.map(Number);
  const monthIndex = months.indexOf(monthName);
  const epochMs = Date.UTC(year, monthIndex, day, hours, minutes, seconds);
  const date = new Date(epochMs);
  // Date.UTC rolls 31 Feb over into March; an HTTP date naming an impossible day is invalid.
  const exact =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === monthIndex &&
    date.getUTCDate() === day &&
    hours < 24 &&
    minutes < 60 &&
    seconds < 61;
  return exact ? epochMs : null;
};

const parseHttpDate = (value: string, nowMs: number): number | null => {
  const fixdate = imfFixdate.exec(value);
  if (fixdate) return utc(Number(fixdate[3]), fixdate[2], Number(fixdate[1]), fixdate.slice(4, 7));
  const obsolete = rfc850.exec(value);
  if (obsolete) {
    const twoDigits = Number(obsolete[3]);
    const thisCentury = 2000 + twoDigits;
    // RFC 9110 5.6.7: a two-digit year more than 50 years ahead means the previous century.
    const year = thisCentury > new Date(nowMs).getUTCFullYear() + 50 ? thisCentury - 100 : thisCentury;
    return utc(year, obsolete[2], Number(obsolete[1]), obsolete.slice(4, 7));
  }
  const ansi = asctime.exec(value);
  if (ansi) return utc(Number(ansi[6]), ansi[1], Number(ansi[2].trim()), ansi.slice(3, 6));
  return null;
};

export const parseRetryAfter = (
  value: string | readonly string[] | null | undefined,
  nowMs: number,
  capMs: number,
): number | null => {
  const raw = typeof value === 'string' ? value : value?.[0];
  if (raw === undefined) return null;
  const trimmed = raw.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, capMs);
  const at = parseHttpDate(trimmed, nowMs);
  if (at === null) return null;
  return Math.min(Math.max(at - nowMs, 0), capMs);
};

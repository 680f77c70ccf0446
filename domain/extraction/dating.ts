import * as chrono from 'chrono-node';
import type { StatedAtPrecision } from '../positions/stance';

export type SaidOn = { day: string; precision: StatedAtPrecision; evidence: string };

const DAY_MS = 86_400_000;
const toDay = (date: Date): string => date.toISOString().slice(0, 10);
const dayStart = (day: string): number => Date.parse(`${day}T00:00:00Z`);
const mondayOf = (time: number): number => {
  const date = new Date(time);
  return time - ((date.getUTCDay() + 6) % 7) * DAY_MS;
};

/** Expressions that date the words rather than what they speak of ("ahead of talks on Thursday"). */
const FUTURE_CONTEXT =
  /\b(?:ahead of|in advance of|before|until|will|would|to be|due|expected|next|tomorrow|plans? to|set to|going to)\b[^.;]{0,60}$/i;
const WEEK = /\b(?:earlier this week|this week|last week|the previous week|the week before)\b/i;
const MONTH = /\b(?:last month|earlier this month|this month)\b/i;

/** Verbs of saying that date the words they report. */
const SAYING = 'said|told|says|added|wrote|announced|warned|insisted|stated|declared';

/**
 * A relative clause about something else ("Vance, who visited Nuuk in March, has said", "the deal, which was signed
 * on Friday"): its day dates that, not the words. One whose verb is of saying ("who spoke on Monday") still dates them.
 */
const RELATIVE_CLAUSE = new RegExp(
  `\\b(?:who|which)\\s+(?:had\\s+|has\\s+|have\\s+|was\\s+|were\\s+)?(?!(?:${SAYING}|spoke|speaking|replied)\\b)\\p{L}+\\b[^,.;"“”]{0,50}$`,
  'u',
);

const SAID_BEFORE = new RegExp(`\\b(?:${SAYING})\\b[^.;]{0,30}$`, 'i');

const parser = chrono.en.GB;

/** A match of the date parser dates the words only when it holds a number or one of these words. */
const DATING_WORD =
  /\d|day|night|yesterday|today|morning|evening|afternoon|tonight|january|february|march|april|may|june|july|august|september|october|november|december/i;

/**
 * The day something was said, from a relative expression in `context` ("last night", "on Wednesday", "yesterday",
 * "last week", "earlier this week"), resolved against the publication day. The reference is noon UTC of that day,
 * so "last night" falls on the evening before; a weekday after the publication day dates the words only as the
 * week before ("said on Friday"), and days that date a future event ("will meet on Thursday") are ignored.
 */
const memo = new Map<string, SaidOn | null>();
/** Forgets the days found so far: called as each article starts, so nothing found in one serves another. */
export const forgetSaidOn = (): void => memo.clear();

/** The day words were said, once per context and day: an article asks of the same sentence more than once. */
export const findSaidOn = (context: string, publishedOn: string): SaidOn | null => {
  const key = `${publishedOn}|${context}`;
  if (memo.has(key)) return memo.get(key)!;
  const found = saidOnIn(context, publishedOn);
  memo.set(key, found);
  return found;
};

const saidOnIn = (context: string, publishedOn: string): SaidOn | null => {
  const published = dayStart(publishedOn);
  const reference = { instant: new Date(published + DAY_MS / 2), timezone: 0 };
  const found: SaidOn[] = [];
  const week = WEEK.exec(context);
  if (week) {
    const monday = mondayOf(published);
    const start = /last|previous|before/i.test(week[0]) ? monday - 7 * DAY_MS : monday;
    found.push({ day: toDay(new Date(start)), precision: 'week', evidence: week[0] });
  }
  const month = MONTH.exec(context);
  if (month) {
    const date = new Date(published);
    const start = /last/i.test(month[0])
      ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 1, 1)
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    found.push({ day: toDay(new Date(start)), precision: 'month', evidence: month[0] });
  }
  // Only a match holding one of these words counts, so a context without any needs no parse.
  const results = DATING_WORD.test(context) ? parser.parse(context, reference, { forwardDate: false }) : [];
  for (const result of results) {
    const before = context.slice(Math.max(0, result.index - 70), result.index);
    // A word of what is to come before the verb of saying is about someone else ("Nielsen, expected to become the
    // next prime minister, said in a post on Friday"); only one after it makes the day a plan ("said he would meet").
    const said = SAID_BEFORE.exec(before);
    if (FUTURE_CONTEXT.test(said ? before.slice(said.index) : before) || RELATIVE_CLAUSE.test(before))
      continue;
    if (WEEK.test(result.text) || MONTH.test(result.text) || /\bweek\b|\bmonth\b/i.test(result.text))
      continue;
    if (!DATING_WORD.test(result.text)) continue;
    let time = result.start.date().getTime();
    const onlyWeekday = result.start.isCertain('weekday') && !result.start.isCertain('day');
    // A weekday after the publication day is last week's only when it dates the words ("said on Friday").
    if (onlyWeekday && time >= published + DAY_MS && SAID_BEFORE.test(before)) time -= 7 * DAY_MS;
    if (!result.start.isCertain('year') && result.start.isCertain('month') && time > published + DAY_MS) {
      // A month alone within the half-year to come is a plan ("to meet again in May", printed in April); one further
      // on is last year's ("said in December", printed in January).
      if (!result.start.isCertain('day') && time - published < 183 * DAY_MS) continue;
      time = new Date(time).setUTCFullYear(new Date(time).getUTCFullYear() - 1);
    }
    if (time >= published + DAY_MS) continue;
    const precision: StatedAtPrecision =
      result.start.isCertain('day') || result.start.isCertain('weekday') ? 'day' : 'month';
    found.push({ day: toDay(new Date(time)), precision, evidence: result.text.trim() });
  }
  if (found.length === 0) return null;
  const order: StatedAtPrecision[] = ['instant', 'day', 'week', 'month'];
  return found.sort((a, b) => order.indexOf(a.precision) - order.indexOf(b.precision))[0];
};

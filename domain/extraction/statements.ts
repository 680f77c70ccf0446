import type { ExtractedQuotation } from './extraction.types';

/**
 * A quotation's words without typography: quote marks and apostrophes of every kind, dashes and hyphens (so
 * "next-door" equals "next door"), ellipses, brackets and punctuation all fold away; lower case, single spaces.
 */
export const normaliseForComparison = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .replace(/[“”„"«»]/g, ' ')
    .replace(/\.{3}|…/g, ' ')
    .replace(/[‐‑‒–—―-]/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}%]+/gu, ' ')
    .trim();

const tokens = (text: string): string[] => normaliseForComparison(text).split(' ').filter(Boolean);

/** The length, in words, of the longest run of words the two texts share. */
export const longestSharedRun = (a: string[], b: string[]): number => {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best) best = current[j];
      }
    }
    previous = current;
  }
  return best;
};

/** How much of the shorter text the longer one holds word for word, 0..1. */
export const sharedFraction = (a: string, b: string): number => {
  const left = tokens(a);
  const right = tokens(b);
  const shorter = Math.min(left.length, right.length);
  return shorter === 0 ? 0 : longestSharedRun(left, right) / shorter;
};

const FRAGMENT_SHARE = 0.6;

/**
 * One statement printed twice: the same speaker, and words that match once typography is set aside, a fragment
 * ("we're going to have Europe do that") counting as the full quotation it comes from.
 */
export const sameStatement = (
  a: { speakerId: string; quote: string },
  b: { speakerId: string; quote: string },
): boolean => {
  if (a.speakerId !== b.speakerId) return false;
  const left = tokens(a.quote);
  const right = tokens(b.quote);
  const shorter = Math.min(left.length, right.length);
  if (shorter === 0) return false;
  const shared = longestSharedRun(left, right);
  return shared / shorter >= FRAGMENT_SHARE && shared >= Math.min(3, shorter);
};

/** Quotations grouped by statement: each group is one position, each member one outlet's printing of it. */
export const groupStatements = (quotations: ExtractedQuotation[]): ExtractedQuotation[][] => {
  const parent = quotations.map((_, index) => index);
  const find = (index: number): number =>
    parent[index] === index ? index : (parent[index] = find(parent[index]));
  const speakerOf = (quotation: ExtractedQuotation) => quotation.speaker?.actorId ?? null;
  for (let i = 0; i < quotations.length; i++) {
    for (let j = i + 1; j < quotations.length; j++) {
      const left = speakerOf(quotations[i]);
      const right = speakerOf(quotations[j]);
      if (left === null || right === null) continue;
      if (
        sameStatement(
          { speakerId: left, quote: quotations[i].quote },
          { speakerId: right, quote: quotations[j].quote },
        )
      )
        parent[find(j)] = find(i);
    }
  }
  const groups = new Map<number, ExtractedQuotation[]>();
  quotations.forEach((quotation, index) => {
    const root = find(index);
    groups.set(root, [...(groups.get(root) ?? []), quotation]);
  });
  return [...groups.values()];
};

import { REPORTING_VERB } from './attribution';
import type { Span } from './text-spans';

/** A printed interview: the interviewer's questions and the interviewee's answers, paragraph by paragraph. */
export type Interview = {
  /** Where the introduction ends: the interviewee is the person it names. */
  introEnd: number;
  questions: Span[];
  /** Each answer's paragraphs, with the "A:" or "Surname:" label left out. */
  answers: Span[][];
  /** The name the answers are labelled with ("Mirzoyan:"), when the transcript prints one; null for "A:". */
  answerLabel: string | null;
  /**
   * In a transcript of several speakers ("ARAGHCHI:", "MARCO RUBIO, SECRETARY OF STATE:", "Lin Jian:"), each
   * answer's own label, the name part only ("ARAGHCHI", "MARCO RUBIO", "Lin Jian"); empty otherwise.
   */
  answerLabels: string[];
};

/** Bold or italic marks of Markdown around a label: "**Q:**", "**Kallas:**", "__Kallas__:". */
const EMPHASIS = String.raw`(?:\*{1,2}|_{1,2})?`;
const QUESTION_LABEL = new RegExp(String.raw`^\s*${EMPHASIS}(?:Q\s*[.:]|Question\s*:)${EMPHASIS}\s*`);
const ANSWER_LABEL = new RegExp(String.raw`^\s*${EMPHASIS}(?:A\s*[.:]|Answer\s*:)${EMPHASIS}\s*`);
/** "Mirzoyan:", "Jens-Frederik Nielsen:", "Ms Okafor:", "**Kallas:**": answers labelled with the speaker's name. */
const NAME_LABEL = new RegExp(
  String.raw`^\s*${EMPHASIS}((?:\p{Lu}[\p{L}’'-]*\.?\s+){0,2}\p{Lu}[\p{L}’'-]+)${EMPHASIS}\s*:${EMPHASIS}\s+`,
  'u',
);

/** The name labelling most answers, when at least two carry the same one. */
const commonLabel = (labels: (string | null)[]): string | null => {
  const counts = new Map<string, number>();
  for (const label of labels) if (label) counts.set(label, (counts.get(label) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= 2 ? best[0] : null;
};

/**
 * The Q&A of an interview printed as a transcript ("Q: …" then "A: …", or answers that follow each question
 * unlabelled). Needs at least two questions; null for an ordinary article.
 */
export const findInterview = (text: string, paragraphs: Span[]): Interview | null => {
  const isQuestion = (span: Span) => QUESTION_LABEL.test(text.slice(span.start, span.end));
  const firstQuestion = paragraphs.findIndex(isQuestion);
  if (firstQuestion < 0 || paragraphs.filter(isQuestion).length < 2) return null;
  const questions: Span[] = [];
  const answers: Span[][] = [];
  const after = paragraphs.slice(firstQuestion).filter((paragraph) => !isQuestion(paragraph));
  const answerLabel = commonLabel(
    after.map((paragraph) => NAME_LABEL.exec(text.slice(paragraph.start, paragraph.end))?.[1] ?? null),
  );
  let current: Span[] | null = null;
  let labelled = false;
  for (const paragraph of paragraphs.slice(firstQuestion)) {
    const printed = text.slice(paragraph.start, paragraph.end);
    if (isQuestion(paragraph)) {
      questions.push(paragraph);
      current = null;
      continue;
    }
    const named = answerLabel ? NAME_LABEL.exec(printed) : null;
    const label = ANSWER_LABEL.exec(printed) ?? (named && named[1] === answerLabel ? named : null);
    // After labelled answers, a paragraph with no label that quotes someone with a verb of saying ("Dmitry Peskov
    // … told reporters that Moscow had “not yet received” …") is the story again: the interview has ended.
    if (!label && labelled && /["“”]/.test(printed) && REPORTING_VERB.test(printed)) break;
    if (label) labelled = true;
    const start = paragraph.start + (label ? label[0].length : 0);
    if (!current) {
      current = [];
      answers.push(current);
    }
    current.push({ start, end: paragraph.end });
  }
  return {
    introEnd: paragraphs[firstQuestion].start,
    questions,
    answers: answers.filter((a) => a.length > 0),
    answerLabel,
    answerLabels: [],
  };
};

/**
 * A speaker's label at the head of a paragraph: capitals with an optional title ("ARAGHCHI:", "KAREN OYELARAN,
 * FORMER IAEA INSPECTOR:", "PRIME MINISTER:") or up to four capitalised words ("Lin Jian:", "Kyodo News:").
 */
const TURN_LABEL =
  /^\s*(?:\*{1,2})?((?:\p{Lu}[\p{Lu}’'.-]+)(?:\s+\p{Lu}[\p{Lu}’'.-]+){0,3}(?:,\s*\p{Lu}[\p{Lu}\s’'.-]{1,40})?|\p{Lu}[\p{L}’'.-]*(?:\s+\p{Lu}[\p{L}’'.-]*){0,3})(?:\*{1,2})?:\s+(?=\S)/u;
/** Labels of what a page prints around the words, not of a speaker. */
const NOT_A_SPEAKER =
  /^(?:read more|related|related coverage|update|updated|correction|editor['’]s note|note|photo|video|watch|listen|see also|source|credit|advertisement|caption|transcript|aired|share|sign up|more|also read|breaking|analysis|opinion|key events?)$/i;
/** The interviewer's labels: a host, a reporter, a question. */
const ASKER = /\b(?:HOST|ANCHOR|MODERATOR|INTERVIEWER|JOURNALIST|REPORTER|CORRESPONDENT|QUESTION|Q)\b/i;
/** "(BEGIN VIDEOTAPE)", "(COMMERCIAL BREAK)": a stage direction ends a turn. */
const STAGE_DIRECTION = /^\s*\([^)]*\)\s*$/;

/** The speaker part of a label: "KAREN OYELARAN, FORMER IAEA INSPECTOR" speaks as "KAREN OYELARAN". */
const speakerOf = (label: string): string => label.split(',')[0].trim();

/**
 * A transcript of labelled turns: a press conference ("CCTV: …?" then "Lin Jian: …"), a broadcast ("MARSH: …?" then
 * "ARAGHCHI: …"), a readout's "PRIME MINISTER:" and "JOURNALIST:". At least three labelled paragraphs and a
 * speaker labelled twice; the labels whose turns are mostly questions, or say they are the host's, ask. A turn runs
 * on over unlabelled paragraphs until the next label or a stage direction.
 */
export const findTurns = (text: string, paragraphs: Span[]): Interview | null => {
  const labelled = paragraphs.map((paragraph) => {
    const match = TURN_LABEL.exec(text.slice(paragraph.start, paragraph.end));
    return match && !NOT_A_SPEAKER.test(match[1].trim()) ? match : null;
  });
  const turns: { label: string; spans: Span[] }[] = [];
  let current: { label: string; spans: Span[] } | null = null;
  let first = -1;
  paragraphs.forEach((paragraph, index) => {
    const match = labelled[index];
    const printed = text.slice(paragraph.start, paragraph.end);
    if (match) {
      if (first < 0) first = index;
      current = {
        label: match[1].trim(),
        spans: [{ start: paragraph.start + match[0].length, end: paragraph.end }],
      };
      turns.push(current);
    } else if (STAGE_DIRECTION.test(printed) || /^[^\p{Ll}]*$/u.test(printed)) current = null;
    else current?.spans.push(paragraph);
  });
  const speakers = new Map<string, number>();
  for (const turn of turns)
    speakers.set(speakerOf(turn.label), (speakers.get(speakerOf(turn.label)) ?? 0) + 1);
  if (turns.length < 3 || speakers.size < 2 || ![...speakers.values()].some((count) => count >= 2))
    return null;
  const asks = (label: string) => {
    if (ASKER.test(label)) return true;
    const own = turns.filter((turn) => turn.label === label);
    const questions = own.filter((turn) =>
      /\?["”’]?\s*$/.test(text.slice(turn.spans[0].start, turn.spans[0].end)),
    );
    return questions.length * 2 >= own.length;
  };
  const askers = new Set(turns.filter((turn) => asks(turn.label)).map((turn) => speakerOf(turn.label)));
  const answering = turns.filter((turn) => !askers.has(speakerOf(turn.label)));
  if (askers.size === 0 || answering.length === 0) return null;
  return {
    introEnd: paragraphs[first].start,
    questions: turns.filter((turn) => askers.has(speakerOf(turn.label))).flatMap((turn) => turn.spans),
    answers: answering.map((turn) => turn.spans),
    answerLabel: null,
    answerLabels: answering.map((turn) => speakerOf(turn.label)),
  };
};

/** "—Will Brazil go to the WTO?" / "—We will go wherever we have to go.": dialogue printed with dashes. */
const DIALOGUE_DASH = /^\s*[—–]\s*(?=\S)/;

/**
 * An exchange printed as dialogue (Spanish, Portuguese and French habit, kept in translation): a run of paragraphs
 * opening with a dash, questions ending in "?" and answers after them, at least one of each. The answers are the
 * words of the person the story opens with, as an interview's are.
 */
export const findDialogue = (text: string, paragraphs: Span[]): Interview | null => {
  const dashed = (index: number) =>
    DIALOGUE_DASH.test(text.slice(paragraphs[index].start, paragraphs[index].end));
  const first = paragraphs.findIndex(
    (_, index) => dashed(index) && index + 1 < paragraphs.length && dashed(index + 1),
  );
  if (first <= 0) return null;
  let last = first;
  while (last + 1 < paragraphs.length && dashed(last + 1)) last++;
  const turns = paragraphs.slice(first, last + 1).map((paragraph) => {
    const dash = DIALOGUE_DASH.exec(text.slice(paragraph.start, paragraph.end))!;
    return { start: paragraph.start + dash[0].length, end: paragraph.end };
  });
  const asks = (span: Span) => /\?["”’]?\s*$/.test(text.slice(span.start, span.end));
  const questions = turns.filter(asks);
  const answers = turns.filter((span) => !asks(span));
  if (questions.length === 0 || answers.length === 0) return null;
  return {
    introEnd: paragraphs[first].start,
    questions,
    answers: answers.map((span) => [span]),
    answerLabel: null,
    answerLabels: [],
  };
};

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
  for (const paragraph of paragraphs.slice(firstQuestion)) {
    const printed = text.slice(paragraph.start, paragraph.end);
    if (isQuestion(paragraph)) {
      questions.push(paragraph);
      current = null;
      continue;
    }
    const named = answerLabel ? NAME_LABEL.exec(printed) : null;
    const label = ANSWER_LABEL.exec(printed) ?? (named && named[1] === answerLabel ? named : null);
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
  };
};

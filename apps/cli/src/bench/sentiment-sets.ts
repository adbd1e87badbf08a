import { existsSync, readFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { stableShare } from '@watchfloor/analysis';
import type { LabelledText, SentimentClass } from '@watchfloor/analysis';
import { PROJECT_ROOT } from '../local-services/service-urls';

/** A labelled evaluation set: `texts[i]` is exactly as the file holds it, `expected[i]` its human class. */
export interface SentimentSet {
  name: string;
  file: string;
  texts: string[];
  expected: SentimentClass[];
}

/**
 * The labelled sets live beside the repository, never in it (their READMEs forbid copying them
 * in); a user's clone has no ../shared, so their absence is an answer, not an error.
 */
export const DEFAULT_SETS_DIRECTORY = resolve(PROJECT_ROOT, '..', 'shared', 'data', 'vader-icwsm2014');
export const SEMEVAL_DIRECTORY = resolve(PROJECT_ROOT, '..', 'shared', 'data', 'semeval-2013-2016');
export const VADER_SET_FILES = [
  { name: 'tweets', file: 'tweets_GroundTruth.txt' },
  { name: 'amazon', file: 'amazonReviewSnippets_GroundTruth.txt' },
] as const;
/**
 * Share of each VADER set the bundled model trains on (chosen by a hash of each text); the bench
 * scores every scorer on the rest only, so no figure is on text the model has seen.
 */
export const VADER_TRAINING_SHARE = 0.7;

export interface DefaultSets {
  sets: SentimentSet[];
  /** Default files that were not there. */
  absent: string[];
}

/** VADER's cut-offs on the mean human rating in [-4, 4], as its README defines the three classes. */
const VADER_POSITIVE_ABOVE = 0.5;
const VADER_NEGATIVE_BELOW = -0.5;

type SetFormat = 'vader' | 'labelled';

export class SentimentSetError extends Error {}

/** SemEval's 2016 dev + devtest, then the held-out parts of VADER's tweets and reviews. */
export function loadDefaultSets(
  directory: string = DEFAULT_SETS_DIRECTORY,
  semeval: string = SEMEVAL_DIRECTORY,
): DefaultSets {
  const sets: SentimentSet[] = [];
  const absent: string[] = [];
  const dev = join(semeval, 'dev.ndjson');
  if (existsSync(dev)) sets.push(semEvalDevSet(dev));
  else absent.push(dev);
  for (const { name, file } of VADER_SET_FILES) {
    const path = join(directory, file);
    if (existsSync(path)) sets.push(splitVaderSet(loadSetFile(path, name)).heldOut);
    else absent.push(path);
  }
  return { sets, absent };
}

/** SemEval's development set, its texts cleaned as for training. */
export function semEvalDevSet(file: string): SentimentSet {
  const rows = loadLabelledNdjson(file, cleanSemEvalText);
  return { name: 'semeval', file, texts: rows.map((row) => row.text), expected: rows.map((row) => row.label) };
}

/**
 * Splits a VADER set by a hash of each text, so the same rows are always held out whatever the
 * order of the file: the training share, and the rest under the set's own name.
 */
export function splitVaderSet(set: SentimentSet): { training: LabelledText[]; heldOut: SentimentSet } {
  const training: LabelledText[] = [];
  const heldOut: SentimentSet = { name: set.name, file: set.file, texts: [], expected: [] };
  set.texts.forEach((text, index) => {
    const label = set.expected[index]!;
    if (stableShare(text) < VADER_TRAINING_SHARE) training.push({ text, label });
    else {
      heldOut.texts.push(text);
      heldOut.expected.push(label);
    }
  });
  return { training, heldOut };
}

/** `{"id","text","label"}` a line (label positive, neutral or negative, "lang" optional). */
export function loadLabelledNdjson(file: string, clean: (text: string) => string = (text) => text): LabelledText[] {
  if (!existsSync(file)) throw new SentimentSetError(`labelled file ${file} does not exist`);
  return parseLabelledNdjson(readFileSync(file, 'utf8'), file).map((row) => ({ ...row, text: clean(row.text) }));
}

/** Every line is checked; the first bad one is an error naming it and saying what was expected. */
export function parseLabelledNdjson(content: string, file: string): LabelledText[] {
  const rows: LabelledText[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${file}:${index + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (error) {
      throw new SentimentSetError(`${where}: not JSON (${(error as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new SentimentSetError(`${where}: expected an object {"id", "text", "label"}`);
    }
    const { text, label, lang } = row as Record<string, unknown>;
    if (typeof text !== 'string' || text.trim() === '') {
      throw new SentimentSetError(`${where}: "text" must be a non-empty string`);
    }
    const known = typeof label === 'string' ? labelOf(label) : undefined;
    if (known === undefined) {
      throw new SentimentSetError(
        `${where}: "label" must be positive, neutral or negative, not ${JSON.stringify(label)}`,
      );
    }
    if (lang !== undefined && lang !== null && typeof lang !== 'string') {
      throw new SentimentSetError(`${where}: "lang", when given, must be a language tag such as "en"`);
    }
    rows.push({ text, label: known, ...(typeof lang === 'string' && { lang }) });
  });
  return rows;
}

/**
 * Undoes the SemEval download's artefacts (its README lists them): literal \uXXXX escapes, and
 * the CSV export's wrapping quotes with inner quotes doubled. Platforms deliver neither.
 */
export function cleanSemEvalText(text: string): string {
  let clean = text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (clean.length >= 2 && clean.startsWith('"') && clean.endsWith('"')) clean = clean.slice(1, -1).replace(/""/g, '"');
  return clean;
}

/** Reads one set; the name defaults to the file name without its extension. */
export function loadSetFile(file: string, name: string = basename(file, extname(file))): SentimentSet {
  if (!existsSync(file)) throw new SentimentSetError(`sentiment set ${file} does not exist`);
  return { name, file, ...parseSentimentSet(readFileSync(file, 'utf8'), file) };
}

/**
 * Either VADER's `id<TAB>mean<TAB>text` or `label<TAB>text` (label positive, neutral or
 * negative), told apart by the first data line; one header line before it is skipped. Texts are
 * kept byte for byte (no entity decoding, no trimming): scorers must see what platforms deliver.
 */
export function parseSentimentSet(content: string, file: string): Pick<SentimentSet, 'texts' | 'expected'> {
  const lines = content.replace(/^\uFEFF/, '').split('\n');
  const texts: string[] = [];
  const expected: SentimentClass[] = [];
  let format: SetFormat | undefined;
  let sawHeader = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const where = `${file}:${index + 1}`;
    format ??= detectFormat(line);
    if (format === undefined) {
      if (sawHeader || texts.length > 0) throw new SentimentSetError(`${where}: not a data line: ${malformed(line)}`);
      sawHeader = true;
      continue;
    }
    const row = format === 'vader' ? parseVaderLine(line) : parseLabelledLine(line);
    if (typeof row === 'string') throw new SentimentSetError(`${where}: ${row}`);
    texts.push(row.text);
    expected.push(row.label);
  }
  if (texts.length === 0) throw new SentimentSetError(`${file}: no labelled texts in it. ${FORMATS}`);
  return { texts, expected };
}

const FORMATS =
  'Expected "id<TAB>mean rating<TAB>text" (VADER) or "label<TAB>text" with label positive, neutral or negative.';

function detectFormat(line: string): SetFormat | undefined {
  if (typeof parseLabelledLine(line) !== 'string') return 'labelled';
  if (typeof parseVaderLine(line) !== 'string') return 'vader';
  return undefined;
}

interface Row {
  label: SentimentClass;
  text: string;
}

/** A Row, or what is wrong with the line. */
function parseVaderLine(line: string): Row | string {
  const [, rating, ...rest] = line.split('\t');
  if (rating === undefined || rest.length === 0) return `expected 3 tab-separated columns: ${malformed(line)}`;
  const mean = rating.trim() === '' ? Number.NaN : Number(rating);
  if (!Number.isFinite(mean)) return `the mean rating "${rating}" is not a number: ${malformed(line)}`;
  const text = rest.join('\t');
  if (text.trim() === '') return `the text is empty: ${malformed(line)}`;
  return { label: classOfMeanRating(mean), text };
}

function parseLabelledLine(line: string): Row | string {
  const tab = line.indexOf('\t');
  if (tab < 0) return `no tab between label and text: ${malformed(line)}`;
  const label = labelOf(line.slice(0, tab).trim().toLowerCase());
  if (label === undefined) return `"${line.slice(0, tab)}" is not positive, neutral or negative: ${malformed(line)}`;
  const text = line.slice(tab + 1);
  if (text.trim() === '') return `the text is empty: ${malformed(line)}`;
  return { label, text };
}

function labelOf(word: string): SentimentClass | undefined {
  switch (word) {
    case 'positive':
    case 'neutral':
    case 'negative':
      return word;
    default:
      return undefined;
  }
}

export function classOfMeanRating(mean: number): SentimentClass {
  if (mean > VADER_POSITIVE_ABOVE) return 'positive';
  if (mean < VADER_NEGATIVE_BELOW) return 'negative';
  return 'neutral';
}

function malformed(line: string): string {
  const shown = line.length > 80 ? `${line.slice(0, 80)}…` : line;
  return `${JSON.stringify(shown)}. ${FORMATS}`;
}

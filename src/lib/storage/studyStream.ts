/**
 * Reads a large study file a piece at a time (Blob slices), so its head and first few thousand
 * trials can be shown long before 20 MB are parsed: the head is checked by parseStudyJson on the
 * file with its trials list emptied, and the trials a batch at a time with readTrial, so the result
 * equals parseStudyJson's on the whole text. Where the file is not one the scanner can split safely,
 * or anything in it is refused, this stops and says so: the caller then reads the file whole, which
 * gives the same study or parseStudyJson's own message.
 */
import type { Trial } from '../core/trial';
import { maxStudyCharacters, parseStudyJson } from './exportStudy';
import type { StudyHead } from './studyReaderProtocol';
import { findStructureProblem, forbiddenKeyNames, maxStudyDepth, readTrial } from './studySchema';
import { TrialsScanner } from './trialsScanner';

/** Bytes read first (a first view's worth of trials), then per later piece. */
export const firstPieceBytes = 256 * 1024;
export const pieceBytes = 2 * 1024 * 1024;

/** Called with the head and every trial read so far (the same array, growing), and whether that is all of them. */
export type OnStudyPart = (head: StudyHead, trials: readonly Trial[], complete: boolean) => void;

function joined(first: Uint8Array<ArrayBufferLike>, second: Uint8Array<ArrayBufferLike>): Uint8Array<ArrayBufferLike> {
  if (first.length === 0) return second;
  const both = new Uint8Array(first.length + second.length);
  both.set(first);
  both.set(second, first.length);
  return both;
}

function headOf(text: string): StudyHead | null {
  const parsed = parseStudyJson(text);
  if (!parsed.ok) return null;
  const { trials: _trials, ...head } = parsed.study;
  return head;
}

/**
 * Streams `blob`: onPart is called once a first batch is read (when the head before the trials list
 * is a whole study head), again each time the count doubles, and with `complete` at the end. Resolves
 * true once the whole study was read and reported complete, false when the caller must read it whole.
 */
export async function streamStudy(blob: Blob, onPart: OnStudyPart, sizes = { first: firstPieceBytes, piece: pieceBytes }): Promise<boolean> {
  if (blob.size > maxStudyCharacters) return false;
  const scanner = new TrialsScanner(maxStudyDepth);
  const found = scanner.found;
  // A BOM is dropped only at the file's start, as Blob.text() does; anywhere else it stays a character.
  const decodeStart = new TextDecoder('utf-8');
  const decode = new TextDecoder('utf-8', { ignoreBOM: true });
  let window: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  let windowStart = 0;
  let prefix: string | null = null;
  let itemsStart = -1;
  let suffix: Uint8Array<ArrayBufferLike> = new Uint8Array(0);
  let provisional: StudyHead | null = null;
  let nextReport = 1;
  let sawComma = false;
  const trials: Trial[] = [];
  const ids = new Set<number>();

  /** Checks the items between byte offsets `from` and `to` (a run of whole items); false if refused. */
  const readItems = (from: number, to: number, last: boolean): boolean => {
    const text = decode.decode(window.subarray(from - windowStart, to - windowStart));
    if (/^[ \t\n\r]*$/.test(text)) return last && !sawComma && trials.length === 0;
    let items: unknown;
    try {
      items = JSON.parse(`[${text}]`);
    } catch {
      return false;
    }
    if ((text.includes('\\u') || forbiddenKeyNames.some((key) => text.includes(key))) && findStructureProblem(items) !== null) return false;
    try {
      for (const item of items as unknown[]) {
        const trial = readTrial(item, `trials[${trials.length}]`);
        if (ids.has(trial.id)) return false;
        ids.add(trial.id);
        trials.push(trial);
      }
    } catch {
      return false;
    }
    return true;
  };

  for (let at = 0; at < blob.size; ) {
    const bytes = new Uint8Array(await blob.slice(at, at + (at === 0 ? sizes.first : sizes.piece)).arrayBuffer());
    if (bytes.length === 0) return false;
    scanner.scan(bytes);
    at += bytes.length;
    if (found.unsure) return false;
    if (found.close >= 0) {
      // Keep only what follows the list; bytes before it are still in the window until read below.
      const tailFrom = Math.max(found.close + 1, at - bytes.length);
      suffix = joined(suffix, bytes.subarray(tailFrom - (at - bytes.length)));
    }
    window = joined(window, bytes);
    if (found.open < 0) continue;
    if (prefix === null) {
      prefix = decodeStart.decode(window.subarray(0, found.open - windowStart));
      itemsStart = found.open + 1;
      provisional = headOf(`${prefix}[]}`);
    }
    const listEnd = found.close >= 0 ? found.close : found.commas.at(-1);
    if (listEnd !== undefined && listEnd >= itemsStart && (found.close >= 0 ? itemsStart <= found.close : true)) {
      const last = found.close >= 0 && itemsStart <= found.close;
      if (found.commas.length > 0) sawComma = true;
      found.commas.length = 0;
      if (!readItems(itemsStart, listEnd, last)) return false;
      itemsStart = listEnd + 1;
    }
    window = window.slice(Math.max(0, itemsStart - windowStart));
    windowStart = Math.max(windowStart, itemsStart);
    if (provisional && found.close < 0 && trials.length >= nextReport) {
      onPart(provisional, trials, false);
      nextReport = trials.length * 2;
    }
  }
  if (!scanner.balanced() || prefix === null || found.close < 0) return false;
  const head = headOf(`${prefix}[]${decode.decode(suffix)}`);
  if (!head) return false;
  onPart(head, trials, true);
  return true;
}

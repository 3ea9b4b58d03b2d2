/**
 * Finds, in the UTF-8 bytes of study JSON read piece by piece, where its top-level "trials" list
 * opens and closes and the commas between its items, without parsing anything: one pass over each
 * byte, carried from piece to piece. A study can then be checked and shown a few thousand trials at
 * a time (studyStream.ts) instead of after one JSON.parse of 20 MB. JSON's structural characters
 * are ASCII, and every byte of a multi-byte UTF-8 character is 0x80 or above, so bytes suffice.
 * Anything the scanner does not vouch for (a second "trials" key, an escaped key at the top level,
 * nesting past the limit, unbalanced brackets) sets `unsure`, and the caller reads the file whole.
 */

const quote = 34;
const backslash = 92;
const colon = 58;
const comma = 44;
const openList = 91;
const closeList = 93;
const openObject = 123;
const closeObject = 125;
/** The key's bytes, quotes included: `"trials"`. */
const trialsKey = [34, 116, 114, 105, 97, 108, 115, 34];

/** Where the trials list is, in bytes from the start of the file. */
export interface TrialsScan {
  /** Offset of the list's `[`, or -1 until seen. */
  open: number;
  /** Offset of the list's `]`, or -1 until seen. */
  close: number;
  /** Offsets of the commas between the list's items seen since the caller last took them. */
  commas: number[];
  /** Set when the file is not one this scanner can split safely (read it whole instead). */
  unsure: boolean;
}

/** A scanner over successive pieces of one file; `scan` them in order. */
export class TrialsScanner {
  readonly found: TrialsScan = { open: -1, close: -1, commas: [], unsure: false };
  #depth = 0;
  #inString = false;
  #escaped = false;
  #offset = 0;
  /** Start of the string being read at depth 1, and whether it held a backslash. */
  #keyStart = -1;
  #keyEscaped = false;
  #keyIsTrials = false;
  #lastKeyIsTrials = false;
  #keyBytes: number[] = [];
  readonly #maxDepth: number;

  /** `maxDepth`: nesting past it marks the file unsure (parseStudyJson then refuses it with its message). */
  constructor(maxDepth: number) {
    this.#maxDepth = maxDepth;
  }

  /** Bytes scanned so far. */
  get offset(): number {
    return this.#offset;
  }

  /** Scans the next piece of the file. */
  scan(bytes: Uint8Array): void {
    const found = this.found;
    const base = this.#offset;
    let depth = this.#depth;
    let inString = this.#inString;
    let escaped = this.#escaped;
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index];
      if (inString) {
        if (depth === 1) this.#keyByte(byte);
        if (escaped) escaped = false;
        else if (byte === backslash) {
          escaped = true;
          if (depth === 1) this.#keyEscaped = true;
        } else if (byte === quote) {
          inString = false;
          if (depth === 1) this.#endKey();
        }
      } else if (byte === quote) {
        inString = true;
        if (depth === 1) this.#startKey(base + index);
      } else if (byte === comma) {
        if (depth === 1) this.#lastKeyIsTrials = false;
        if (depth === 2 && found.open >= 0 && found.close < 0) found.commas.push(base + index);
      } else if (byte === colon) {
        if (depth === 1) this.#lastKeyIsTrials = this.#keyIsTrials;
      } else if (byte === openList || byte === openObject) {
        depth++;
        if (depth > this.#maxDepth) found.unsure = true;
        if (depth === 2 && this.#lastKeyIsTrials) {
          if (byte !== openList || found.open >= 0) found.unsure = true;
          else found.open = base + index;
        }
        this.#lastKeyIsTrials = false;
      } else if (byte === closeList || byte === closeObject) {
        if (depth === 2 && found.open >= 0 && found.close < 0) found.close = base + index;
        depth--;
        if (depth < 0) found.unsure = true;
      }
    }
    this.#depth = depth;
    this.#inString = inString;
    this.#escaped = escaped;
    this.#offset = base + bytes.length;
  }

  /** Whether the whole file has been scanned with balanced brackets. */
  balanced(): boolean {
    return this.#depth === 0 && !this.#inString;
  }

  #startKey(at: number): void {
    this.#keyStart = at;
    this.#keyEscaped = false;
    this.#keyBytes = [quote];
  }

  #keyByte(byte: number): void {
    // Only as many bytes as `"trials"` are kept: a longer string is not that key.
    if (this.#keyBytes.length <= trialsKey.length) this.#keyBytes.push(byte);
  }

  #endKey(): void {
    const bytes = this.#keyBytes;
    this.#keyIsTrials = !this.#keyEscaped && bytes.length === trialsKey.length && bytes.every((byte, index) => byte === trialsKey[index]);
    // A key spelled with escapes could be "trials" to JSON.parse: not safe to split.
    if (this.#keyEscaped && this.#keyStart >= 0) this.found.unsure = true;
    if (this.#keyIsTrials && this.found.open >= 0) this.found.unsure = true;
  }
}

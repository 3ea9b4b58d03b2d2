/**
 * Caps on what the page shows of a message, so no link or file can make it render megabytes:
 * a list of notices stops after a few with a count of the rest, and a long message shows its
 * first few hundred characters with the rest behind a disclosure.
 */

/** Most notices a list shows before one line counting the rest. */
export const maxShownNotices = 20;

/** Characters of a message shown before the rest goes behind a disclosure. */
export const messageHeadCharacters = 300;

/** Most characters kept behind the disclosure; past this the message says how much it left out. */
export const messageRestCharacters = 10_000;

/** The first `max` notices and, when there are more, how many were left out. */
export function capNotices(notices: readonly string[], max = maxShownNotices): { shown: string[]; more: number } {
  return { shown: notices.slice(0, max), more: Math.max(0, notices.length - max) };
}

/** A count of notices with thousands separators, as the page prints it: 99,980. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * A message as head (at most `headCharacters`, cut at a space where one is near) and rest ('' when it
 * fits); a rest past `messageRestCharacters` is cut too, ending with how many characters were left out.
 */
export function splitMessage(message: string, headCharacters = messageHeadCharacters): { head: string; rest: string } {
  if (message.length <= headCharacters) return { head: message, rest: '' };
  const space = message.lastIndexOf(' ', headCharacters);
  const cut = space > headCharacters * 0.6 ? space : headCharacters;
  let rest = message.slice(cut).trimStart();
  if (rest.length > messageRestCharacters) {
    rest = `${rest.slice(0, messageRestCharacters)}… (${formatCount(rest.length - messageRestCharacters)} more characters not shown)`;
  }
  return { head: `${message.slice(0, cut)}…`, rest };
}

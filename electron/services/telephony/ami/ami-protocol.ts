/**
 * The Asterisk Manager Interface wire format: "Key: Value" lines, CRLF, a blank line
 * ends a message; the first line after connecting is a banner. Written by hand because
 * it is twenty lines and the npm AMI clients are unmaintained; what matters here is
 * surviving what a TCP stream really delivers: messages split across reads, a cut in
 * the middle of one, and lines that are not "Key: Value" at all.
 */

/** One AMI message; keys keep their case as Asterisk sends them. Repeated keys (Variable:) keep the last. */
export type AmiMessage = Record<string, string>;

export interface AmiReader {
  /** Feeds raw bytes; returns the messages they completed. */
  push(chunk: string): AmiMessage[];
  /** The connection dropped: whatever half message was buffered is dropped with it. */
  reset(): void;
}

/** A message larger than this is not an AMI message: stop buffering it. */
const MAX_MESSAGE_CHARS = 64 * 1024;

export function createAmiReader(onGarbage: (line: string) => void): AmiReader {
  let buffer = '';
  let current: AmiMessage = {};
  let size = 0;
  let bannerSeen = false;

  return {
    push(chunk) {
      buffer += chunk;
      const done: AmiMessage[] = [];
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (!bannerSeen && line.startsWith('Asterisk Call Manager')) {
          bannerSeen = true;
          done.push({ Banner: line });
          continue;
        }
        if (line === '') {
          if (Object.keys(current).length > 0) done.push(current);
          current = {};
          size = 0;
          continue;
        }
        const colon = line.indexOf(':');
        size += line.length;
        if (colon <= 0 || size > MAX_MESSAGE_CHARS) {
          onGarbage(line.slice(0, 200));
          continue;
        }
        current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
      if (buffer.length > MAX_MESSAGE_CHARS) {
        onGarbage(buffer.slice(0, 200));
        buffer = '';
      }
      return done;
    },
    reset() {
      buffer = '';
      current = {};
      size = 0;
      bannerSeen = false;
    },
  };
}

export function formatAmiAction(fields: AmiMessage): string {
  return `${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value.replace(/[\r\n]+/g, ' ')}`)
    .join('\r\n')}\r\n\r\n`;
}

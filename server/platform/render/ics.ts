/**
 * iCalendar (RFC 5545) text for one event invitation or cancellation (iTIP, RFC 5546). Written
 * here rather than taken from a package (ADR 0022): the subset is small, and every rule that
 * mail clients are strict about is spelled out and tested — CRLF line ends, folding at 75
 * octets without splitting a UTF-8 character, TEXT escaping and UTC times.
 */

export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
  method: 'REQUEST' | 'CANCEL';
  /** Stable per event: a client matches updates and cancellations to the invitation by it. */
  uid: string;
  /** Raised on every significant change (reschedule, cancellation); clients ignore lower ones. */
  sequence: number;
  /** When this text was made. */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | undefined;
  location?: string | undefined;
  url?: string | undefined;
  organizer: IcsPerson;
  attendees: readonly IcsPerson[];
};

const CRLF = '\r\n';

/** TEXT values: backslash, semicolon and comma are escaped; any line break becomes \n. */
export const escapeText = (value: string) =>
  value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

/** A quoted parameter value (CN): DQUOTE is not allowed inside, so it is dropped with control characters. */
const paramValue = (value: string) => `"${value.replace(/["\r\n\t]/g, '')}"`;

/** UTC "form #2" date-time: 20260425T020000Z. */
export const utcStamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * Folds a content line: at most 75 octets per line, continuation lines start with one space
 * (which counts towards their 75), and a multi-octet character is never split.
 */
export const foldLine = (line: string) => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);

  return parts.join(`${CRLF} `);
};

const mailto = (email: string) => `mailto:${email.trim()}`;

/** The whole VCALENDAR text, CRLF after every line including the last. */
export const buildIcs = (e: IcsEvent) => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Jejaring//Rapat KSD//ID',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcStamp(e.stamp)}`,
    `DTSTART:${utcStamp(e.start)}`,
    `DTEND:${utcStamp(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `ORGANIZER;CN=${paramValue(e.organizer.name)}:${mailto(e.organizer.email)}`,
    ...e.attendees.map((a) => `ATTENDEE;CN=${paramValue(a.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:${mailto(a.email)}`),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];

  return lines.map(foldLine).join(CRLF) + CRLF;
};

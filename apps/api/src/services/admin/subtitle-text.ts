// WebVTT and SRT subtitle files: parsed into cues with the problems found (by line and cue),
// written back as WebVTT, and shifted in time. Pure functions, no I/O.

export type SubtitleFormat = 'vtt' | 'srt';

export interface SubtitleIssue {
  severity: 'error' | 'warning';
  line: number | null;
  cue: number | null;
  message: string;
}

export interface Cue {
  id: string | null;
  start: number;
  end: number;
  /** WebVTT cue settings (`line:90% align:start`); none from SRT. */
  settings: string;
  text: string[];
}

export interface ParsedSubtitles {
  valid: boolean;
  format: SubtitleFormat;
  cues: Cue[];
  issues: SubtitleIssue[];
  firstCueStart: number | null;
  lastCueEnd: number | null;
}

const TIMING = /^((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})(.*)$/;

/** `01:02:03.456`, `02:03.456` or SRT's `01:02:03,456` → seconds. */
export function parseTime(text: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const [, h = '0', min = '0', s = '0', ms = '0'] = m;
  if (Number(min) > 59 || Number(s) > 59) return null;
  return Number(h) * 3600 + Number(min) * 60 + Number(s) + Number(ms.padEnd(3, '0')) / 1000;
}

/** Seconds → `hh:mm:ss.mmm`. */
export function vttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/** Parses a WebVTT or SRT file; never throws. `mediaDuration` flags cues past the end. */
export function parseSubtitles(format: SubtitleFormat, content: string, mediaDuration?: number): ParsedSubtitles {
  const issues: SubtitleIssue[] = [];
  const cues: Cue[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let i = 0;
  const issue = (severity: SubtitleIssue['severity'], line: number | null, cue: number | null, message: string) =>
    issues.push({ severity, line, cue, message });

  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
      issue('error', 1, null, 'A WebVTT file starts with the line "WEBVTT"');
    }
    i = 1;
    // The header runs to the first blank line.
    while (i < lines.length && (lines[i] ?? '').trim() !== '') i++;
  }

  while (i < lines.length) {
    while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '') block.push(lines[i++] as string);
    const first = block[0] as string;
    if (format === 'vtt' && /^(NOTE|STYLE|REGION)(\s|$)/.test(first)) continue;
    const n = cues.length + 1;
    let timingAt = 0;
    let id: string | null = null;
    if (format === 'srt') {
      if (/^\d+$/.test(first.trim())) {
        id = first.trim();
        timingAt = 1;
      } else if (!first.includes('-->') && !/^(\d+:)?\d{1,2}:\d{2}[.,]\d/.test(first.trim())) {
        issue('warning', blockStart + 1, n, `Expected the cue number, found "${first.slice(0, 40)}"`);
        timingAt = 1;
      }
    } else if (!first.includes('-->') && !/^(\d+:)?\d{1,2}:\d{2}[.,]\d/.test(first.trim())) {
      id = first;
      timingAt = 1;
    }
    const timingLine = block[timingAt];
    const lineNo = blockStart + timingAt + 1;
    if (timingLine === undefined) {
      issue('error', lineNo - 1, n, 'The cue has no timing line ("00:00:01.000 --> 00:00:02.000")');
      continue;
    }
    const m = TIMING.exec(timingLine.trim());
    if (!m) {
      issue('error', lineNo, n, `Not a timing line: "${timingLine.slice(0, 60)}"`);
      continue;
    }
    const start = parseTime(m[1] as string);
    const end = parseTime(m[2] as string);
    if (start === null || end === null) {
      issue('error', lineNo, n, `A time is out of range: "${timingLine.slice(0, 60)}"`);
      continue;
    }
    if (format === 'vtt' && (m[1]?.includes(',') || m[2]?.includes(','))) {
      issue('error', lineNo, n, 'WebVTT times use a full stop before the milliseconds, not a comma');
      continue;
    }
    if (end <= start) {
      issue('error', lineNo, n, `The cue ends (${vttTime(end)}) before it starts (${vttTime(start)})`);
      continue;
    }
    const text = block.slice(timingAt + 1);
    if (!text.length) issue('warning', lineNo, n, 'The cue has no text');
    const previous = cues[cues.length - 1];
    if (previous && start < previous.start) {
      issue('warning', lineNo, n, 'The cue starts before the one above it');
    } else if (previous && start < previous.end) {
      issue('warning', lineNo, n, 'The cue overlaps the one above it');
    }
    if (mediaDuration !== undefined && end > mediaDuration + 0.5) {
      issue('warning', lineNo, n, `The cue runs past the end of the media (${vttTime(mediaDuration)})`);
    }
    cues.push({ id, start, end, settings: format === 'vtt' ? (m[3] ?? '').trim() : '', text });
  }
  if (!cues.length && !issues.some((x) => x.severity === 'error')) {
    issue('error', null, null, 'The file has no cues');
  }
  return {
    valid: !issues.some((x) => x.severity === 'error'),
    format,
    cues,
    issues,
    firstCueStart: cues.length ? Math.min(...cues.map((c) => c.start)) : null,
    lastCueEnd: cues.length ? Math.max(...cues.map((c) => c.end)) : null,
  };
}

/** Cues → a WebVTT file (SRT markup such as `<i>` is kept: WebVTT has the same tags). */
export function toWebVtt(cues: Cue[]): string {
  const out = ['WEBVTT', ''];
  for (const c of cues) {
    if (c.id && !c.id.includes('-->')) out.push(c.id);
    out.push(`${vttTime(c.start)} --> ${vttTime(c.end)}${c.settings ? ` ${c.settings}` : ''}`);
    out.push(...c.text.map((t) => t.replace(/\{\\an?\d+\}/g, '')), '');
  }
  return out.join('\n');
}

/**
 * Moves cues by `offset` seconds (only those starting in [from, to) when given). Returns the
 * shifted cues, or the number of the first cue that would start before 0.
 */
export function shiftCues(cues: Cue[], offset: number, from?: number, to?: number): Cue[] | { before: number } {
  const out: Cue[] = [];
  for (const [i, c] of cues.entries()) {
    const inRange = (from === undefined || c.start >= from) && (to === undefined || c.start < to);
    if (!inRange) {
      out.push(c);
      continue;
    }
    const start = Math.round((c.start + offset) * 1000) / 1000;
    if (start < 0) return { before: i + 1 };
    out.push({ ...c, start, end: Math.round((c.end + offset) * 1000) / 1000 });
  }
  return out;
}

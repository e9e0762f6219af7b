// What a film's page adds for the jury, as the films' CSV gives it (docs/import.md): links and
// screening times, checked here. Pure: no database, no clock; the festival's time zone is passed in.

export const MAX_SYNOPSIS = 4000;
export const MAX_URL = 2000;
export const MAX_VENUE = 200;
export const MAX_SCREENINGS = 50;

/**
 * An https URL as given, or undefined when it is not one. Only https: a jury page must not load or
 * link anything over plain http (mixed content, a screener password on the wire) or another scheme
 * (javascript:, data:). No user name or password inside the URL, since the page shows it.
 */
export function httpsUrl(raw: string): string | undefined {
  if (raw.length > MAX_URL || /\s/.test(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || !url.hostname || url.username || url.password) return undefined;
  return url.href;
}

// What browsers show in an <img>: a still or poster must be one of these, by the path's extension,
// so that a web page or a video is refused at import rather than shown as a broken image.
const IMAGE_PATH = /\.(jpe?g|png|webp|avif|gif)$/i;

/** An https URL of an image (by its path's extension), or undefined. */
export function imageUrl(raw: string): string | undefined {
  const href = httpsUrl(raw);
  if (!href) return undefined;
  return IMAGE_PATH.test(new URL(href).pathname) ? href : undefined;
}

export type Screening = { startsAt: string; venue: string | null };

/** The offset of `timeZone` from UTC at the UTC moment `ms`, in ms (what Intl says the wall clock reads there). */
function offsetAt(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - ms;
}

/**
 * The UTC moment at which the wall clock of `timeZone` reads the given local time, or undefined when
 * it never does (a date like 31 February, or an hour skipped by a daylight-saving change). An hour
 * that happens twice (clocks going back) takes the first.
 */
export function zonedToUtc(local: { y: number; mo: number; d: number; h: number; mi: number }, timeZone: string): number | undefined {
  const wall = Date.UTC(local.y, local.mo - 1, local.d, local.h, local.mi);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== local.y || check.getUTCMonth() !== local.mo - 1 || check.getUTCDate() !== local.d || local.h > 23 || local.mi > 59) return undefined;
  // Two passes settle the offset (it can differ between the guess and the answer near a change).
  const candidates = [wall - offsetAt(wall - 86_400_000, timeZone), wall - offsetAt(wall + 86_400_000, timeZone)].sort((a, b) => a - b);
  return candidates.find((ms) => ms + offsetAt(ms, timeZone) === wall);
}

const ENTRY = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(Z|[+-]\d{2}:\d{2})?(?:\s*@\s*(.*))?$/;

/**
 * The `screenings` cell: entries separated by `;` or line breaks, each `YYYY-MM-DD HH:MM` in the
 * festival's time zone (or with an explicit offset, `+08:00`, or `Z`), then optionally `@ venue`.
 * Returns the screenings in time order, or the first entry that is not one (to name it).
 */
export function parseScreenings(raw: string, timeZone: string): { ok: true; screenings: Screening[] } | { ok: false; value: string; code: 'bad_time' | 'too_many' | 'too_long' } {
  const entries = raw.split(/[;\n\r]+/).map((e) => e.trim()).filter(Boolean);
  if (entries.length > MAX_SCREENINGS) return { ok: false, value: String(entries.length), code: 'too_many' };
  const out: Screening[] = [];
  for (const entry of entries) {
    const m = ENTRY.exec(entry);
    if (!m) return { ok: false, value: entry, code: 'bad_time' };
    const [, y, mo, d, h, mi, offset, venueRaw] = m;
    const local = { y: +y, mo: +mo, d: +d, h: +h, mi: +mi };
    let ms: number | undefined;
    if (offset) {
      const wall = Date.UTC(local.y, local.mo - 1, local.d, local.h, local.mi);
      const c = new Date(wall);
      const valid = c.getUTCFullYear() === local.y && c.getUTCMonth() === local.mo - 1 && c.getUTCDate() === local.d && local.h <= 23 && local.mi <= 59;
      const [sign, oh, om] = offset === 'Z' ? ['+', '0', '0'] : [offset[0], offset.slice(1, 3), offset.slice(4, 6)];
      ms = valid && +oh <= 14 && +om <= 59 ? wall - (sign === '-' ? -1 : 1) * (+oh * 60 + +om) * 60_000 : undefined;
    } else {
      ms = zonedToUtc(local, timeZone);
    }
    if (ms === undefined || local.y < 1900 || local.y > 2100) return { ok: false, value: entry, code: 'bad_time' };
    const venue = venueRaw?.trim() || null;
    if (venue && venue.length > MAX_VENUE) return { ok: false, value: entry, code: 'too_long' };
    out.push({ startsAt: new Date(ms).toISOString().replace('.000Z', 'Z'), venue });
  }
  out.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || (a.venue ?? '').localeCompare(b.venue ?? ''));
  return { ok: true, screenings: out };
}

/** The screenings as the CSV writes them back: in the festival's time zone, so that they import again unchanged. */
export function formatScreenings(screenings: Screening[], timeZone: string): string {
  return screenings
    .map((s) => {
      const ms = Date.parse(s.startsAt);
      const local = new Date(ms + offsetAt(ms, timeZone)).toISOString();
      return `${local.slice(0, 10)} ${local.slice(11, 16)}${s.venue ? ` @ ${s.venue}` : ''}`;
    })
    .join('; ');
}

/** A stable text of the screenings, to tell whether an import changes them. */
export const screeningsKey = (screenings: Screening[]) => screenings.map((s) => `${s.startsAt}@${s.venue ?? ''}`).join('\n');

/** The festival's time zone if Intl knows it, else UTC (as the pages show times: i18n/request.ts). */
export function zoneOrUtc(timeZone: string | null | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

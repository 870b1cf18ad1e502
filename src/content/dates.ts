// Calendar dates as the editor wrote them. A date is never turned into a JavaScript Date
// for display or URLs, so the machine's time zone can never shift it.
import { DateTime } from "luxon";

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** `YYYY-MM-DD`, as written. */
  iso: string;
  /** The full value as written, date-time and offset included, for machine-readable markup. */
  written: string;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseCalendarDate(written: string): CalendarDate | { problem: string } {
  const match = DATE_TIME.exec(written.trim());
  if (!match) return { problem: `"${written}" is not a date; write it as YYYY-MM-DD` };
  const [, y, m, d, hour, minute, second, offset] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12) return { problem: `"${written}" has no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month)) return { problem: `"${written}" is not a real day: month ${month} of ${year} has ${daysInMonth(year, month)} days` };
  if (hour !== undefined && (Number(hour) > 23 || Number(minute) > 59 || Number(second ?? 0) > 59)) return { problem: `"${written}" has an impossible time of day` };
  if (hour !== undefined && offset === undefined) return { problem: `"${written}" has a time but no time zone offset; add one, e.g. ${written}+00:00, or write the date only` };
  if (offset && offset !== "Z" && !isRealOffset(offset)) return { problem: `"${written}" has an offset of ${offset}, and real ones run from -12:00 to +14:00` };
  const date = { year, month, day, iso: `${y}-${m}-${d}`, written: written.trim() };
  const utcYear = instant(date).getUTCFullYear();
  // Feeds write the moment in UTC as RFC 3339, whose years have four digits: 9999-12-31T23:00
  // at -05:00 is already 10000-01-01 there, and toISOString would write +010000.
  if (!(utcYear >= 0 && utcYear <= 9999)) {
    const why = "and feeds can only carry the years 0000 to 9999";
    return { problem: `"${written}" is in the year ${utcYear} in UTC, ${why}` };
  }
  return date;
}

function isRealOffset(offset: string): boolean {
  const [, hours, minutes] = /^[+-](\d{2}):?(\d{2})$/.exec(offset) ?? [];
  return Number(hours) <= 14 && Number(minutes) <= 59;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function pad2(value: number): string {
  return String(value).padStart(2, "0");
}

/** Years in URLs always have four digits: /0999/, not /999/. */
export function pad4(year: number): string {
  return String(year).padStart(4, "0");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function monthName(month: number): string {
  return MONTHS[month - 1] ?? String(month);
}

/** "14 August 2020": unambiguous in every English-speaking newsroom. */
export function formatDate(date: Pick<CalendarDate, "year" | "month" | "day">): string {
  return `${date.day} ${monthName(date.month)} ${date.year}`;
}

/** The moment a date stands for; a date alone is taken as midnight UTC of that day. */
export function instant(date: Pick<CalendarDate, "iso" | "written">): Date {
  if (date.written.length <= 10) return new Date(`${date.iso}T00:00:00.000Z`);
  return new Date(date.written.replace(" ", "T").replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
}

/**
 * The moment a feed gives for a date. A date alone is noon in the newsroom's time zone
 * (site.yaml `timezone`): a feed reader shows it on the written calendar day for every reader
 * whose clock is less than 12 hours ahead of or behind the newsroom's. Midnight UTC would move
 * it a day back for everyone west of Greenwich. Luxon finds the zone's offset on that day,
 * summer time included, from the IANA database that Node ships.
 */
export function publicationMoment(date: CalendarDate, timeZone: string): Date {
  if (date.written.length > 10) return instant(date);
  const { year, month, day } = date;
  const noon = DateTime.fromObject({ year, month, day, hour: 12 }, { zone: timeZone });
  // Feeds carry the years 0000 to 9999 (see parseCalendarDate): at their edges, noon UTC.
  const utcYear = noon.toUTC().year;
  if (!noon.isValid || utcYear < 0 || utcYear > 9999) return new Date(`${date.iso}T12:00:00.000Z`);
  return noon.toJSDate();
}

/** A full RFC 3339 timestamp in UTC, for feeds; parseCalendarDate keeps its year in 0000–9999. */
export function toTimestamp(date: CalendarDate): string {
  return instant(date).toISOString();
}

/** The calendar day a moment falls on in a time zone (the newsroom's, site.yaml `timezone`). */
export function dayIn(moment: Date, timeZone: string): CalendarDate {
  const local = DateTime.fromJSDate(moment, { zone: timeZone });
  const iso = `${pad4(local.year)}-${pad2(local.month)}-${pad2(local.day)}`;
  return { year: local.year, month: local.month, day: local.day, iso, written: iso };
}

// Import: dates as sources write them, turned into front-matter dates that keep the writer's
// local calendar day and offset (Dateline never shifts a written date).
import { pad2 } from "../content/dates.ts";

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * WordPress keeps each date twice, local (`post_date`) and UTC (`post_date_gmt`): their
 * difference is the site's offset at that moment. Drafts have no UTC date (all zeros), so
 * only the local calendar day is known.
 */
export function wordpressDate(local: string, utc: string): string | undefined {
  const here = WP_DATE.exec(local.trim());
  if (!here || here[1] === "0000") return undefined;
  const [, y, m, d, hh, mm, ss] = here;
  const there = WP_DATE.exec(utc.trim());
  if (!there || there[1] === "0000") return `${y}-${m}-${d}`;
  const minutes = Math.round((asUtc(here) - asUtc(there)) / 60_000 / 15) * 15;
  return `${y}-${m}-${d}T${hh}:${mm}:${ss}${offset(minutes)}`;
}

function asUtc(match: RegExpExecArray): number {
  const [, y, m, d, hh, mm, ss] = match.map(Number);
  return Date.UTC(y!, m! - 1, d!, hh!, mm!, ss!);
}

function offset(minutes: number): string {
  if (minutes === 0) return "+00:00";
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const ZONES: Record<string, number> = { ut: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360,
  cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420 };
const RFC_822 = new RegExp(
  String.raw`^(?:[a-z]{3},\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})\s+` +
  String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]+)?$`, "i");

/**
 * RSS 2.0's dates (RFC 822: `Tue, 10 Jun 2003 04:00:00 +0200`), keeping the offset written.
 * Hand-written because Date.parse reads them but forgets the offset, and with it the day.
 */
export function rfc822Date(text: string): string | undefined {
  const match = RFC_822.exec(text.trim());
  if (!match) return rfc3339Date(text);
  const [, day, monthName, year, hh, mm, ss, zone] = match;
  const month = MONTHS.indexOf(monthName!.toLowerCase()) + 1;
  if (month === 0) return undefined;
  const fullYear = year!.length === 2 ? `20${year}` : year!;
  const minutes = zoneMinutes(zone ?? "GMT");
  if (minutes === undefined) return undefined;
  const date = `${fullYear}-${pad2(month)}-${pad2(Number(day))}`;
  return `${date}T${pad2(Number(hh))}:${mm}:${ss ?? "00"}${offset(minutes)}`;
}

function zoneMinutes(zone: string): number | undefined {
  const numeric = /^([+-])(\d{2})(\d{2})$/.exec(zone);
  if (!numeric) return ZONES[zone.toLowerCase()];
  const sign = numeric[1] === "-" ? -1 : 1;
  return sign * (Number(numeric[2]) * 60 + Number(numeric[3]));
}

const RFC_3339 =
  /^(\d{4}-\d{2}-\d{2})(?:[Tt ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?$/;

/** Atom's dates (RFC 3339), as written, fractions of a second dropped. */
export function rfc3339Date(text: string): string | undefined {
  const match = RFC_3339.exec(text.trim());
  if (!match) return undefined;
  const [, date, time, zone] = match;
  if (!time) return date;
  const seconds = time.length === 5 ? `${time}:00` : time;
  return `${date}T${seconds}${zone === "Z" || zone === "z" ? "+00:00" : zone}`;
}

/** The moment a front-matter date stands for, to compare `updated` with `date`. */
export function momentOf(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

// Presentation of model values: dates and counts as a reader sees them.
import type { CalendarDate } from "../../src/content/dates.ts";
import { monthName } from "../../src/content/dates.ts";
export { formatDate, monthName } from "../../src/content/dates.ts";
import type { EntityType } from "../../src/content/schema.ts";

/** The machine-readable form for `<time datetime>`: the date-time as written, or the date. */
export function machineDate(date: CalendarDate): string {
  return date.written.length > 10 ? date.written.replace(" ", "T") : date.iso;
}

/** "14 August": a day of the year, for "On this day". */
export function formatDayMonth(date: { month: number; day: number }): string {
  return `${date.day} ${monthName(date.month)}`;
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString("en")} ${n === 1 ? noun : plural}`;
}

const TYPE_LABELS: Record<EntityType, [string, string]> = {
  person: ["Person", "People"],
  organization: ["Organisation", "Organisations"],
  place: ["Place", "Places"],
  event: ["Event", "Events"],
  work: ["Work", "Works"],
  topic: ["Topic", "Topics"],
};

export function typeLabel(type: EntityType, plural = false): string {
  return TYPE_LABELS[type][plural ? 1 : 0];
}

/** JSON inside `<script>`: escapes what could close the element or confuse an HTML parser. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}


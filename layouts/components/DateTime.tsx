// A date as written by the editor, readable and machine-readable.
import type { CalendarDate } from "../../src/content/dates.ts";
import { formatDate, machineDate } from "./format.ts";

export function DateTime({ date, ...rest }: { date: CalendarDate; [attribute: string]: unknown }) {
  return (
    <time dateTime={machineDate(date)} {...rest}>
      {formatDate(date)}
    </time>
  );
}

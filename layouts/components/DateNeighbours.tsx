// Links from a year's or month's archive to the nearest older and newer ones with articles.
import type { DateArchiveRef } from "../../src/archive/model.ts";
import { monthName } from "./format.ts";

function name(ref: DateArchiveRef): string {
  return ref.month === undefined ? String(ref.year) : `${monthName(ref.month)} ${ref.year}`;
}

export function DateNeighbours({
  previous,
  next,
  label,
}: {
  previous?: DateArchiveRef | undefined;
  next?: DateArchiveRef | undefined;
  label: string;
}) {
  if (!previous && !next) return null;
  return (
    <nav class="date-neighbours" aria-label={label}>
      {previous ? (
        <a href={previous.url} rel="prev" class="previous">
          <span aria-hidden="true">‹ </span>
          {name(previous)}
        </a>
      ) : null}
      {next ? (
        <a href={next.url} rel="next" class="next">
          {name(next)}
          <span aria-hidden="true"> ›</span>
        </a>
      ) : null}
    </nav>
  );
}

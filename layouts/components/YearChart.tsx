// Articles per year as a bar chart: SVG made at build time, no script. Screen readers get the
// numbers as the image's description; every bar also says its year and count as text.
import type { YearCount } from "../../src/archive/model.ts";
import { count } from "./format.ts";

const BAR = 30;
const GAP = 6;
const PLOT = 80;
/** Room above the bars for their counts, below them for the years. */
const TOP = 16;
const BOTTOM = 18;

/** "2018: 3 articles, 2019: none, 2020: 6 articles": the chart as text. */
export function chartText(years: readonly YearCount[]): string {
  return years
    .map(({ year, count: n }) => `${year}: ${n ? count(n, "article") : "none"}`)
    .join(", ");
}

/** Every year is labelled when there is room; past 16 years, every fifth and the last. */
function labelled(index: number, years: readonly YearCount[]): boolean {
  return years.length <= 16 || years[index]!.year % 5 === 0 || index === years.length - 1;
}

export function YearChart({
  years,
  id,
  label,
}: {
  years: readonly YearCount[];
  id: string;
  label: string;
}) {
  if (years.length === 0) return null;
  const most = Math.max(...years.map((year) => year.count));
  const width = years.length * (BAR + GAP) + GAP;
  const height = TOP + PLOT + BOTTOM;
  return (
    <figure class="year-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
      >
        <title id={`${id}-title`}>{label}</title>
        <desc id={`${id}-desc`}>{chartText(years)}</desc>
        {years.map((year, i) => {
          const barHeight = most ? Math.round((year.count / most) * PLOT) : 0;
          const x = GAP + i * (BAR + GAP);
          const y = TOP + PLOT - barHeight;
          return (
            <g data-year={year.year} data-count={year.count}>
              <rect class="year-chart-bar" x={x} y={y} width={BAR} height={barHeight} />
              {year.count ? (
                <text class="year-chart-count" x={x + BAR / 2} y={y - 4} text-anchor="middle">
                  {year.count}
                </text>
              ) : null}
              {labelled(i, years) ? (
                <text class="year-chart-year" x={x + BAR / 2} y={height - 4} text-anchor="middle">
                  {String(year.year)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {label}, {years[0]!.year}–{years.at(-1)!.year}
      </figcaption>
    </figure>
  );
}

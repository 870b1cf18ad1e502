// Year archive: the year's months with their article counts, its lead stories, and links to
// the nearest years with articles. The articles themselves are on the month pages.
import type { YearArchive } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { DateNeighbours } from "./components/DateNeighbours.tsx";
import { count, monthName } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Page } from "./components/Page.tsx";
import { breadcrumbList, yearTrail } from "./components/structured-data.ts";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"year", YearArchive>;

export const data = onePagePer("pages.years", "year");

export function render({ archive, year }: Data) {
  return (
    <Page
      archive={archive}
      years
      url={year.url}
      title={`${year.year}`}
      description={`${count(year.articleCount, "article")} published in ${year.year}.`}
      head={<JsonLd data={breadcrumbList(archive, yearTrail(archive, year))} />}
    >
      <h1>{year.year}</h1>
      <p class="lede">{count(year.articleCount, "article")}</p>
      <section aria-labelledby="months">
        <h2 id="months">Month by month</h2>
        <ul class="month-counts">
          {year.months.map((month) => (
            <li>
              <a href={month.url}>{monthName(month.month)}</a>
              <span class="count">{count(month.articleCount, "article")}</span>
            </li>
          ))}
        </ul>
      </section>
      {year.leads.length ? (
        <section aria-labelledby="leads">
          <h2 id="leads">Lead stories of {year.year}</h2>
          <ArticleList articles={year.leads} headingLevel={3} />
        </section>
      ) : null}
      <DateNeighbours previous={year.previous} next={year.next} label="Other years" />
    </Page>
  );
}

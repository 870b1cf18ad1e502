// Year archive: the year's months, each with its articles.
import type { YearArchive } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
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
      {year.months.map((month) => (
        <section>
          <h2>
            <a href={month.url}>{monthName(month.month)}</a>
          </h2>
          <ArticleList articles={month.articles} compact headingLevel={3} />
        </section>
      ))}
    </Page>
  );
}

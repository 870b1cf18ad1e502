// One author: photo, biography, links, articles per year, the entities they write about most,
// then their articles by year, one page at a time (`/authors/<slug>/`, `…/page/2/`, …).
import type { AuthorPage, AuthorProfile } from "../src/archive/model.ts";
import { ArticlesByYear, YearLinks } from "./components/ArticlesByYear.tsx";
import { EntityCounts } from "./components/EntityCounts.tsx";
import { count } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Links } from "./components/Links.tsx";
import { profilePage } from "./components/structured-data.ts";
import { feedLink, Page } from "./components/Page.tsx";
import { Pager } from "./components/Pager.tsx";
import { Picture } from "./components/Picture.tsx";
import { srcFrom } from "./components/image-src.ts";
import { YearChart } from "./components/YearChart.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"authorPage", AuthorPage>;

export const data = onePagePer("pages.authorPages", "authorPage");

export function render({ archive, authorPage }: Data) {
  const { profile, pageNumber } = authorPage;
  const title = pageNumber > 1 ? `${profile.name}, page ${pageNumber}` : profile.name;
  return (
    <Page
      archive={archive}
      url={authorPage.url}
      title={title}
      description={profile.bio ?? `Articles by ${profile.name}.`}
      feed={feedLink(profile, archive)}
      head={<JsonLd data={profilePage(archive, profile)} />}
    >
      <p class="breadcrumb">
        <a href="/authors/">Authors</a>
      </p>
      <div class="author-header">
        {profile.photo ? (
          <Picture
            image={profile.photo}
            alt={`Photo of ${profile.name}`}
            sizes="96px"
            lazy={false}
            imgClass="author-photo"
          />
        ) : profile.image ? (
          <img
            class="author-photo"
            src={srcFrom(profile.image, profile.url)}
            alt={`Photo of ${profile.name}`}
            width={96}
            height={96}
          />
        ) : null}
        <div>
          <h1>{title}</h1>
          {profile.bio ? <p class="lede">{profile.bio}</p> : null}
        </div>
      </div>
      {pageNumber === 1 ? <About profile={profile} /> : null}
      <section aria-labelledby="articles">
        <h2 id="articles">{count(profile.articleCount, "article")}</h2>
        <YearLinks years={profile.years} page={authorPage.url} />
        <ArticlesByYear articles={authorPage.articles} />
        <Pager page={authorPage} />
      </section>
    </Page>
  );
}

function About({ profile }: { profile: AuthorProfile }) {
  return (
    <>
      {profile.html ? (
        <div class="prose" dangerouslySetInnerHTML={{ __html: profile.html }} />
      ) : null}
      <Links links={profile.links} />
      <p class="follow">
        <a href={`/search/?author=${encodeURIComponent(profile.name)}`}>
          Search within articles by {profile.name}
        </a>
      </p>
      <YearChart
        years={profile.perYear}
        id="per-year"
        label={`Articles by ${profile.name} per year`}
      />
      {profile.topEntities.length ? (
        <section aria-labelledby="writes-about">
          <h2 id="writes-about">Writes most about</h2>
          <EntityCounts counts={profile.topEntities} />
        </section>
      ) : null}
    </>
  );
}

// One author: biography, links, the entities they cover most, and their articles.
import type { Author } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { EntityCounts } from "./components/EntityCounts.tsx";
import { count } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Links } from "./components/Links.tsx";
import { profilePage } from "./components/structured-data.ts";
import { feedLink, Page } from "./components/Page.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"author", Author>;

export const data = onePagePer("pages.authors", "author");

export function render({ archive, author }: Data) {
  return (
    <Page
      archive={archive}
      url={author.url}
      title={author.name}
      description={author.bio ?? `Articles by ${author.name}.`}
      feed={feedLink(author, archive)}
      head={<JsonLd data={profilePage(archive, author)} />}
    >
      <p class="breadcrumb">
        <a href="/authors/">Authors</a>
      </p>
      <h1>{author.name}</h1>
      {author.bio ? <p class="lede">{author.bio}</p> : null}
      {author.html ? <div class="prose" dangerouslySetInnerHTML={{ __html: author.html }} /> : null}
      <Links links={author.links} />
      {author.topEntities.length ? (
        <section>
          <h2>Writes most about</h2>
          <EntityCounts counts={author.topEntities} />
        </section>
      ) : null}
      <section>
        <h2>{count(author.articles.length, "article")}</h2>
        <ArticleList articles={author.articles} headingLevel={3} />
      </section>
    </Page>
  );
}

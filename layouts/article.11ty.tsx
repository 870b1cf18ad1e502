// Article: headline, summary, byline, dateline, entities, body, related and neighbouring
// articles. The <article> element is what Pagefind indexes, with its filters and sort key.
import type { Article, ArticleLink } from "../src/archive/model.ts";
import { absoluteUrl } from "../src/archive/pages.ts";
import { entityFilterKey } from "../src/search/filters.ts";
import { shardName } from "../src/search/shards.ts";
import { Byline } from "./components/Byline.tsx";
import { DateTime } from "./components/DateTime.tsx";
import { jsonForScript, typeLabel } from "./components/format.ts";
import { Page } from "./components/Page.tsx";
import { onePagePer, type PageData, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"article", Article>;

export const data = onePagePer("pages.articles", "article");

export function render({ archive, article }: Data) {
  return (
    <Page archive={archive} url={article.url} title={article.title} description={article.summary} draft={article.draft} ogType="article" head={<ArticleHead archive={archive} article={article} />}>
      <article class="story" data-pagefind-body>
        <header class="story-header">
          <h1 data-pagefind-meta="title">{article.title}</h1>
          {article.summary ? <p class="standfirst">{article.summary}</p> : null}
          {/* Ignored by the index (its filters and sort key still count): excerpts would start
              with "By … · 13 August 2020", and authors are a filter and a name card instead. */}
          <p class="meta" data-pagefind-ignore>
            <Byline authors={article.authors} />
            {" · "}
            <DateTime date={article.date} data-pagefind-filter={`year:${article.date.year}`} data-pagefind-sort={`date:${article.date.iso}`} data-pagefind-meta={`date:${article.date.iso}`} />
            {article.updated ? (
              <>
                {" · Updated "}
                <DateTime date={article.updated} />
              </>
            ) : null}
          </p>
        </header>
        {article.image ? (
          <figure class="story-image">
            <img src={article.image.src} alt={article.image.alt} data-pagefind-meta="image[src], image_alt[alt]" />
            {article.image.caption ? <figcaption>{article.image.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: article.html }} />
        {article.tags.length ? (
          <p class="story-tags" data-pagefind-ignore>
            <span class="label">Topics</span> {article.tags.join(" · ")}
          </p>
        ) : null}
        <SearchFilters article={article} />
        {article.entities.length ? (
          <footer class="story-entities" data-pagefind-ignore>
            <h2>In this article</h2>
            <ul class="chips">
              {article.entities.map((entity) => (
                <li>
                  <a href={entity.url}>{entity.name}</a>{" "}
                  <span class="chip-type">{typeLabel(entity.type)}</span>
                </li>
              ))}
            </ul>
          </footer>
        ) : null}
      </article>
      <aside class="story-aside" aria-label="More articles" data-pagefind-ignore>
        {article.related.length ? (
          <section>
            <h2>Related articles</h2>
            <LinkList links={article.related} />
          </section>
        ) : null}
        <nav class="neighbours" aria-label="Previous and next articles">
          {article.previous ? (
            <p>
              <span class="label">Previous</span> <a href={article.previous.url} rel="prev">{article.previous.title}</a>
            </p>
          ) : null}
          {article.next ? (
            <p>
              <span class="label">Next</span> <a href={article.next.url} rel="next">{article.next.title}</a>
            </p>
          ) : null}
        </nav>
      </aside>
    </Page>
  );
}

/**
 * Filters for Pagefind, kept out of the indexed text and away from readers and screen readers.
 * Pagefind stores them as decoded text: the search page must show them as text, never as HTML.
 * Each entity twice: under `entity`, for the list of names in a search's results, and under its
 * bucket's key, for filtering by it (src/search/filters.ts).
 */
function SearchFilters({ article }: { article: Article }) {
  return (
    <div hidden data-pagefind-ignore>
      {article.authors.map((author) => (
        <span data-pagefind-filter="author">{author.name}</span>
      ))}
      {article.entities.map((entity) => (
        <>
          <span data-pagefind-filter="entity">{entity.name}</span>
          <span data-pagefind-filter={entityFilterKey(entity.name)}>{entity.name}</span>
        </>
      ))}
    </div>
  );
}

function LinkList({ links }: { links: readonly ArticleLink[] }) {
  return (
    <ul class="link-list">
      {links.map((link) => (
        <li>
          <a href={link.url}>{link.title}</a> <DateTime date={link.date} />
        </li>
      ))}
    </ul>
  );
}

/** Structured data, and the script that marks searched words when opened from a search. */
function ArticleHead({ archive, article }: Pick<PageData, "archive"> & { article: Article }) {
  return (
    <>
      <StructuredData archive={archive} article={article} />
      <script
        type="module"
        src="/assets/search-highlight.js"
        data-search-shard={shardName(article.date.year)}
      />
    </>
  );
}

/** schema.org NewsArticle, so search engines and link previews read the article right. */
function StructuredData({ archive, article }: Pick<PageData, "archive"> & { article: Article }) {
  const json = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    ...(article.summary ? { description: article.summary } : {}),
    datePublished: article.date.written,
    ...(article.updated ? { dateModified: article.updated.written } : {}),
    author: article.authors.map((author) => ({ "@type": "Person", name: author.name, url: absoluteUrl(archive, author.url) })),
    about: article.entities.map((entity) => ({ "@type": "Thing", name: entity.name, url: absoluteUrl(archive, entity.url) })),
    mainEntityOfPage: absoluteUrl(archive, article.url),
    publisher: { "@type": "Organization", name: archive.site.title },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(json) }} />;
}

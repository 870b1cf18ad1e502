// Article: headline, summary, byline, dateline, entities, body, related and neighbouring
// articles. The <article> element is what Pagefind indexes, with its filters and sort key.
import { monthArchiveUrl } from "../src/archive/date-archives.ts";
import type { Article, ArticleLink } from "../src/archive/model.ts";
import {
  entityFilterKey,
  entityTypeKey,
  FACET_KEY,
  facetValue,
} from "../src/search/filters.ts";
import { Byline } from "./components/Byline.tsx";
import { DateTime } from "./components/DateTime.tsx";
import { typeLabel } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Page } from "./components/Page.tsx";
import { Picture, WrittenImage } from "./components/Picture.tsx";
import { BODY_IMAGE_SIZES } from "../src/images/picture-html.ts";
import { newsArticle, previewImage } from "./components/structured-data.ts";
import { onePagePer, type PageData, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"article", Article>;

export const data = onePagePer("pages.articles", "article");

export function render({ archive, article }: Data) {
  return (
    <Page
      archive={archive}
      url={article.url}
      title={article.title}
      description={article.summary}
      draft={article.draft}
      ogType="article"
      head={<ArticleHead archive={archive} article={article} />}
      image={previewImage(archive, article)}
    >
      <article class="story" data-pagefind-body>
        <header class="story-header">
          <h1 data-pagefind-meta="title">{article.title}</h1>
          {article.summary ? <p class="standfirst">{article.summary}</p> : null}
          {/* Ignored by the index (its filters and sort key still count): excerpts would start
              with "By … · 13 August 2020", and authors are a filter and a name card instead. */}
          <p class="meta" data-pagefind-ignore>
            <Byline authors={article.authors} />
            {" · "}
            {/* The date leads to the month's archive: what else was published then. */}
            <a href={monthArchiveUrl(article.date)} class="dateline-link">
              <DateTime
                date={article.date}
                data-pagefind-sort={`date:${article.date.iso}`}
                data-pagefind-meta={`date:${article.date.iso}`}
              />
            </a>
            {article.updated ? (
              <>
                {" · Updated "}
                <DateTime date={article.updated} />
              </>
            ) : null}
          </p>
          <CorrectionNote article={article} />
        </header>
        {article.image ? (
          <figure class="story-image">
            {article.image.responsive ? (
              <Picture
                image={article.image.responsive}
                alt={article.image.alt}
                sizes={BODY_IMAGE_SIZES}
                lazy={false}
                // Search results show the narrowest variant, not the one a browser picked.
                searchThumbnail={article.image.responsive.thumbnail}
              />
            ) : (
              <WrittenImage
                src={article.image.src}
                pageUrl={article.url}
                alt={article.image.alt}
                lazy={false}
                searchable
              />
            )}
            {article.image.caption ? <figcaption>{article.image.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div class="story-body" dangerouslySetInnerHTML={{ __html: article.html }} />
        <Corrections article={article} />
        {article.topics.length ? (
          <p class="story-tags" data-pagefind-ignore>
            <span class="label">Topics</span>{" "}
            {article.topics.map((topic, i) => (
              <>
                {i > 0 ? " · " : null}
                <a href={topic.url}>{topic.name}</a>
              </>
            ))}
          </p>
        ) : null}
        <SearchFilters article={article} />
        {namedEntities(article).length ? (
          <footer class="story-entities" data-pagefind-ignore>
            <h2>In this article</h2>
            <ul class="chips">
              {namedEntities(article).map((entity) => (
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
        {article.story ? (
          <section class="story-timeline" aria-labelledby="story-timeline">
            <h2 id="story-timeline">More on this story</h2>
            {article.story.earlier.length ? (
              <>
                <h3>Earlier</h3>
                <LinkList links={article.story.earlier} />
              </>
            ) : null}
            <p class="story-now">
              <span class="label">This article</span> <DateTime date={article.date} />
            </p>
            {article.story.since.length ? (
              <>
                <h3>Since</h3>
                <LinkList links={article.story.since} />
              </>
            ) : null}
          </section>
        ) : null}
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

/** Under the headline: that the article was corrected, and where to read how. */
function CorrectionNote({ article }: { article: Article }) {
  const latest = article.corrections.at(-1);
  if (!latest) return null;
  const what = article.corrections.length === 1 ? "the correction" : "the corrections";
  return (
    <p class="correction-note">
      Corrected <DateTime date={latest.date} />: <a href="#corrections">read {what}</a> at the
      foot of this article.
    </p>
  );
}

/** At the foot of the article: each correction, dated, oldest first. */
function Corrections({ article }: { article: Article }) {
  if (!article.corrections.length) return null;
  return (
    <section class="story-corrections" id="corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">
        {article.corrections.length === 1 ? "Correction" : "Corrections"}
      </h2>
      <ul>
        {article.corrections.map((correction, index) => (
          <li id={`correction-${index + 1}`}>
            <DateTime date={correction.date} />: {correction.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The entities an article names other than its topics, which have a line of their own. */
function namedEntities(article: Article): Article["entities"] {
  return article.entities.filter((entity) => !article.topics.includes(entity));
}

/**
 * Filters for Pagefind, kept out of the indexed text and away from readers and screen readers.
 * Pagefind stores them as decoded text: the search page must show them as text, never as HTML.
 * Authors and the year share one key (`facet`: `author:…`, `year:…`), so that a search reads
 * one file of them a shard rather than two. Each entity twice: under its type's key, for the
 * lists of names in a search's results grouped by type, and under its bucket's key, for
 * filtering by it (src/search/filters.ts).
 */
function SearchFilters({ article }: { article: Article }) {
  return (
    <div hidden data-pagefind-ignore>
      {article.authors.map((author) => (
        <span data-pagefind-filter={FACET_KEY}>{facetValue("author", author.name)}</span>
      ))}
      <span data-pagefind-filter={FACET_KEY}>{facetValue("year", String(article.date.year))}</span>
      {article.entities.map((entity) => (
        <>
          <span data-pagefind-filter={entityTypeKey(entity.type)}>{entity.name}</span>
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
      <script type="module" src="/assets/search-highlight.js" />
    </>
  );
}

/** schema.org NewsArticle, so search engines and link previews read the article right. */
function StructuredData({ archive, article }: Pick<PageData, "archive"> & { article: Article }) {
  return <JsonLd data={newsArticle(archive, article)} />;
}

// One entity, its story at a glance: picture, type, description, links, articles per year,
// first and latest mention, the entities named with it; then its articles, newest first, by
// year, one page of them at a time (`/entities/<slug>/`, `/entities/<slug>/page/2/`, …).
import type { ArticleImage, EntityPage, EntityProfile } from "../src/archive/model.ts";
import { ArticlesByYear, YearLinks } from "./components/ArticlesByYear.tsx";
import { DateTime } from "./components/DateTime.tsx";
import { EntityCounts } from "./components/EntityCounts.tsx";
import { count, typeLabel } from "./components/format.ts";
import { JsonLd } from "./components/JsonLd.tsx";
import { Links } from "./components/Links.tsx";
import { feedLink, Page } from "./components/Page.tsx";
import { Pager } from "./components/Pager.tsx";
import { Picture, WrittenImage } from "./components/Picture.tsx";
import { entityCollectionPage, imagePreview } from "./components/structured-data.ts";
import { YearChart } from "./components/YearChart.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"entityPage", EntityPage>;

export const data = onePagePer("pages.entityPages", "entityPage");

export function render({ archive, entityPage }: Data) {
  const { profile, pageNumber } = entityPage;
  const title = pageNumber > 1 ? `${profile.name}, page ${pageNumber}` : profile.name;
  return (
    <Page
      archive={archive}
      url={entityPage.url}
      title={title}
      description={profile.description ?? `Articles about ${profile.name}.`}
      feed={feedLink(profile, archive)}
      image={profile.image && imagePreview(archive, profile.image, profile.url)}
      head={<JsonLd data={entityCollectionPage(archive, profile)} />}
    >
      <p class="breadcrumb">
        <a href="/entities/">Index A–Z</a> ·{" "}
        <a href={`/entities/#${profile.type}`}>{typeLabel(profile.type, true)}</a>
      </p>
      <div class="entity-header">
        <div>
          <h1>{title}</h1>
          {profile.aliases.length ? (
            <p class="aliases">Also known as {profile.aliases.join(", ")}</p>
          ) : null}
          {profile.description ? <p class="lede">{profile.description}</p> : null}
        </div>
        {profile.image ? <EntityImage image={profile.image} entityUrl={profile.url} /> : null}
      </div>
      {pageNumber === 1 ? <AtAGlance profile={profile} /> : null}
      <section aria-labelledby="articles">
        <h2 id="articles">{count(profile.articleCount, "article")}</h2>
        {profile.articleCount ? (
          <YearLinks years={profile.years} page={entityPage.url} />
        ) : (
          <p>No published article mentions {profile.name} yet.</p>
        )}
        <ArticlesByYear articles={entityPage.articles} />
        <Pager page={entityPage} />
      </section>
    </Page>
  );
}

/** An entity's picture is shown this wide (site.css, .entity-image). */
const ENTITY_IMAGE_SIZES = "(min-width: 45rem) 12rem, 7rem";

/**
 * The entity's picture beside its name, with its caption. Not lazy: it is at the top of every
 * page of the entity. One the images stage leaves as written (on the web, a BMP) is
 * shown so, a relative `src` resolved against the entity's first page, so that it names the
 * same file from `…/page/2/`.
 */
function EntityImage({ image, entityUrl }: { image: ArticleImage; entityUrl: string }) {
  return (
    <figure class="entity-image">
      {image.responsive ? (
        <Picture image={image.responsive} alt={image.alt} sizes={ENTITY_IMAGE_SIZES} lazy={false} />
      ) : (
        <WrittenImage src={image.src} pageUrl={entityUrl} alt={image.alt} lazy={false} />
      )}
      {image.caption ? <figcaption>{image.caption}</figcaption> : null}
    </figure>
  );
}

function AtAGlance({ profile }: { profile: EntityProfile }) {
  return (
    <>
      <dl class="at-a-glance">
        <div>
          <dt>Type</dt>
          <dd>{typeLabel(profile.type)}</dd>
        </div>
        {profile.first ? (
          <div>
            <dt>First mention</dt>
            <dd>
              <DateTime date={profile.first.date} />:{" "}
              <a href={profile.first.url}>{profile.first.title}</a>
            </dd>
          </div>
        ) : null}
        {profile.latest && profile.latest !== profile.first ? (
          <div>
            <dt>Latest mention</dt>
            <dd>
              <DateTime date={profile.latest.date} />:{" "}
              <a href={profile.latest.url}>{profile.latest.title}</a>
            </dd>
          </div>
        ) : null}
      </dl>
      <YearChart
        years={profile.perYear}
        id="per-year"
        label={`Articles about ${profile.name} per year`}
      />
      {profile.html ? (
        <div class="prose" dangerouslySetInnerHTML={{ __html: profile.html }} />
      ) : null}
      <Links links={profile.links} />
      {profile.coMentions.length ? (
        <section aria-labelledby="co-mentions">
          <h2 id="co-mentions">Often mentioned with</h2>
          <EntityCounts counts={profile.coMentions} together />
        </section>
      ) : null}
      <ul class="inline-list follow">
        <li>
          <a href={`/search/?entity=${encodeURIComponent(profile.name)}`}>
            Search within articles about {profile.name}
          </a>
        </li>
        {profile.feedUrl ? (
          <li>
            <a href={profile.feedUrl} type="application/atom+xml">
              Atom feed
            </a>
          </li>
        ) : null}
      </ul>
    </>
  );
}

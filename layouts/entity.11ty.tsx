// One entity: description, links, the entities most often mentioned with it, its articles.
import type { Entity } from "../src/archive/model.ts";
import { ArticleList } from "./components/ArticleList.tsx";
import { EntityCounts } from "./components/EntityCounts.tsx";
import { count, typeLabel } from "./components/format.ts";
import { Links } from "./components/Links.tsx";
import { feedLink, Page } from "./components/Page.tsx";
import { onePagePer, type PaginatedData } from "./page-context.ts";

type Data = PaginatedData<"entity", Entity>;

export const data = onePagePer("pages.entities", "entity");

export function render({ archive, entity }: Data) {
  return (
    <Page
      archive={archive}
      url={entity.url}
      title={entity.name}
      description={entity.description ?? `Articles about ${entity.name}.`}
      feed={feedLink(entity, archive)}
    >
      <p class="breadcrumb">
        <a href="/entities/">Entities</a> · <a href={`/entities/#${entity.type}`}>{typeLabel(entity.type, true)}</a>
      </p>
      <h1>{entity.name}</h1>
      {entity.aliases.length ? <p class="aliases">Also known as {entity.aliases.join(", ")}</p> : null}
      {entity.description ? <p class="lede">{entity.description}</p> : null}
      {entity.html ? <div class="prose" dangerouslySetInnerHTML={{ __html: entity.html }} /> : null}
      <Links links={entity.links} />
      {entity.coMentions.length ? (
        <section>
          <h2>Often mentioned with</h2>
          <EntityCounts counts={entity.coMentions} />
        </section>
      ) : null}
      <section>
        <h2>{count(entity.articles.length, "article")}</h2>
        {entity.articles.length ? <ArticleList articles={entity.articles} headingLevel={3} /> : <p>No published article mentions {entity.name} yet.</p>}
      </section>
    </Page>
  );
}

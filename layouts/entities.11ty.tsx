// Entities index: every person, organisation, place, event, work and topic, grouped by type.
import { count, typeLabel } from "./components/format.ts";
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: "/entities/" };

export function render({ archive }: PageData) {
  return (
    <Page archive={archive} url="/entities/" title="Entities" description={`The people, organisations, places and events in ${archive.site.title}.`}>
      <h1>Entities</h1>
      <nav aria-label="Entity types">
        <ul class="inline-list">
          {archive.entityGroups.map((group) => (
            <li>
              <a href={`#${group.type}`}>{typeLabel(group.type, true)}</a>
            </li>
          ))}
        </ul>
      </nav>
      {archive.entityGroups.map((group) => (
        <section id={group.type}>
          <h2>
            {typeLabel(group.type, true)} <span class="count">{group.entities.length.toLocaleString("en")}</span>
          </h2>
          <ul class="index-list columns">
            {group.entities.map((entity) => (
              <li>
                <a href={entity.url}>{entity.name}</a> <span class="count">{entity.articles.length.toLocaleString("en")}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Page>
  );
}

// Entities index, most mentioned first: each type's entities by number of articles (the top
// ones only: the A–Z index at /entities/ has them all).
import { TOP_BY_COUNT } from "../src/archive/entity-index.ts";
import { EntityEntries, GroupHeading, IndexNav } from "./components/EntityIndex.tsx";
import { typeLabel } from "./components/format.ts";
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: "/entities/by-count/" };

export function render({ archive }: PageData) {
  const title = "Most mentioned people, organisations, places and topics";
  return (
    <Page
      archive={archive}
      url="/entities/by-count/"
      title={title}
      description={`The people, organisations, places and events ${archive.site.title} covers most.`}
    >
      <p class="breadcrumb">
        <a href="/entities/">All, A–Z</a>
      </p>
      <h1>{title}</h1>
      <IndexNav archive={archive} other={{ href: "/entities/", label: "A–Z" }} />
      {archive.entityGroups.map((group) => (
        <section id={group.type} aria-labelledby={`${group.type}-heading`}>
          <GroupHeading group={group} />
          <EntityEntries entities={group.byCount} />
          {group.entities.length > TOP_BY_COUNT ? (
            <p>
              The {TOP_BY_COUNT} most mentioned of {group.entities.length.toLocaleString("en")}:
              {" "}
              <a href={`/entities/#${group.type}`}>
                all {typeLabel(group.type, true).toLowerCase()}, A–Z
              </a>
            </p>
          ) : null}
        </section>
      ))}
    </Page>
  );
}

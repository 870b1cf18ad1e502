// Entities index, A–Z: every person, organisation, place, event, work and topic, grouped by
// type, each type by first letter with jump links. /entities/by-count/ orders them by articles.
import { EntityEntries, GroupHeading, IndexNav } from "./components/EntityIndex.tsx";
import { typeLabel } from "./components/format.ts";
import { Page } from "./components/Page.tsx";
import type { PageData } from "./page-context.ts";

export const data = { permalink: "/entities/" };

export function render({ archive }: PageData) {
  return (
    <Page
      archive={archive}
      url="/entities/"
      title="People, organisations, places and topics"
      description={`The people, organisations, places and events in ${archive.site.title}.`}
    >
      <h1>People, organisations, places and topics</h1>
      <IndexNav
        archive={archive}
        other={{ href: "/entities/by-count/", label: "Most mentioned first" }}
      />
      {archive.entityGroups.map((group) => (
        <section id={group.type} aria-labelledby={`${group.type}-heading`}>
          <GroupHeading group={group} />
          {group.letters.length > 1 ? (
            <nav aria-label={`${typeLabel(group.type, true)} by letter`}>
              <ul class="inline-list letters">
                {group.letters.map(({ letter }) => (
                  <li>
                    <a href={`#${group.type}-${letterId(letter)}`}>{letter}</a>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          {group.letters.map(({ letter, entities }) => (
            <section aria-labelledby={`${group.type}-${letterId(letter)}`}>
              <h3 id={`${group.type}-${letterId(letter)}`} class="letter">
                {letter}
              </h3>
              <EntityEntries entities={entities} />
            </section>
          ))}
        </section>
      ))}
    </Page>
  );
}

/** An id for a letter: itself, or "other" for #. */
function letterId(letter: string): string {
  return letter === "#" ? "other" : letter.toLowerCase();
}

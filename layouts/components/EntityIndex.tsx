// The entities index's parts (layouts/entities.11ty.tsx): the jump links to every type and
// section on whichever page it starts, a type's part of one page, and its entries with counts.
import type { EntityIndexPage, IndexEntry, IndexPageGroup } from "../../src/archive/model.ts";
import { typeLabel } from "./format.ts";

/** A link to a heading of the index: within this page when it is here, else to its page. */
function targetHref(page: EntityIndexPage, target: { url: string; id: string }): string {
  return target.url === page.url ? `#${target.id}` : `${target.url}#${target.id}`;
}

/**
 * Each type with its count, leading to where it starts, and its letters (or bands of counts),
 * each leading to where it starts. Every type's item has the type as its id, so that the
 * navigation's `/entities/#person` lands on the people's letters.
 */
export function IndexJumps({ page }: { page: EntityIndexPage }) {
  const byName = page.order === "name";
  return (
    <nav aria-label={byName ? "Jump to a type or letter" : "Jump to a type or number of articles"}>
      <ul class="index-jumps">
        {page.contents.map((type) => (
          <li id={type.type}>
            <a href={targetHref(page, type)}>{typeLabel(type.type, true)}</a>{" "}
            <span class="count">{type.count.toLocaleString("en")}</span>
            {type.sections.length > 1 ? (
              <ul class={`inline-list ${byName ? "letters" : "bands"}`}>
                {type.sections.map((section) => (
                  <li>
                    <a href={targetHref(page, section)}>{section.label}</a>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** What a page holds, for a reader choosing a page: "People T–Z, Organisations A–C". */
export function pageRange(page: EntityIndexPage): string {
  return page.groups
    .map(({ type, sections }) => {
      const first = sections[0]?.label ?? "";
      const last = sections.at(-1)?.label ?? "";
      const span = first === last ? first : `${first}–${last}`;
      return page.order === "name" ? `${typeLabel(type, true)} ${span}` : typeLabel(type, true);
    })
    .join(", ");
}

/** A type's part of one page: its heading and count, then each section's heading and names. */
export function IndexGroup({ group }: { group: IndexPageGroup }) {
  const heading = `${group.type}-heading`;
  return (
    <section aria-labelledby={heading}>
      <h2 id={heading}>
        {typeLabel(group.type, true)}
        {group.continued ? ", continued" : ""}{" "}
        <span class="count">{group.count.toLocaleString("en")}</span>
      </h2>
      {/* Letters are headings, not landmarks: "A" of People and "A" of Places would be two
          regions of one name, and dozens of them drown the page's own. */}
      {group.sections.map((section) => (
        <section>
          <h3 id={section.id} class="letter">
            {section.label}
            {section.continued ? " (continued)" : ""}
          </h3>
          <EntityEntries entries={section.entries} />
        </section>
      ))}
    </section>
  );
}

export function EntityEntries({ entries }: { entries: readonly IndexEntry[] }) {
  return (
    <ul class="index-list columns">
      {entries.map((entry) => (
        <li>
          <a href={entry.url}>{entry.name}</a>{" "}
          <span class="count">{entry.count.toLocaleString("en")}</span>
        </li>
      ))}
    </ul>
  );
}

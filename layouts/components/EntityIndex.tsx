// The entities index's parts: the types at the top, and a type's entities with their counts.
import type { Archive, Entity } from "../../src/archive/model.ts";
import { typeLabel } from "./format.ts";

/** Links to each type's section, and to the other order of the index. */
export function IndexNav({
  archive,
  other,
}: {
  archive: Archive;
  other: { href: string; label: string };
}) {
  return (
    <nav aria-label="Entity types">
      <ul class="inline-list">
        {archive.entityGroups.map((group) => (
          <li>
            <a href={`#${group.type}`}>{typeLabel(group.type, true)}</a>{" "}
            <span class="count">{group.entities.length.toLocaleString("en")}</span>
          </li>
        ))}
        <li>
          <a href={other.href}>{other.label}</a>
        </li>
      </ul>
    </nav>
  );
}

/** A type's heading in the index, with its count: the target of its section's label. */
export function GroupHeading({ group }: { group: Archive["entityGroups"][number] }) {
  return (
    <h2 id={`${group.type}-heading`}>
      {typeLabel(group.type, true)}{" "}
      <span class="count">{group.entities.length.toLocaleString("en")}</span>
    </h2>
  );
}

export function EntityEntries({ entities }: { entities: readonly Entity[] }) {
  return (
    <ul class="index-list columns">
      {entities.map((entity) => (
        <li>
          <a href={entity.url}>{entity.name}</a>{" "}
          <span class="count">{entity.articles.length.toLocaleString("en")}</span>
        </li>
      ))}
    </ul>
  );
}

// Entities with how often they appear, as a list of links.
import type { EntityCount } from "../../src/archive/model.ts";
import { count } from "./format.ts";

export function EntityCounts({ counts }: { counts: readonly EntityCount[] }) {
  return (
    <ul class="chips">
      {counts.map(({ entity, count: n }) => (
        <li>
          <a href={entity.url}>{entity.name}</a> <span class="chip-type">{count(n, "article")}</span>
        </li>
      ))}
    </ul>
  );
}

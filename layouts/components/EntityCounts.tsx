// Entities with how often they appear, as a list of links.
import type { EntityCount } from "../../src/archive/model.ts";
import { count } from "./format.ts";

/** `together`: the counts are of articles naming both, and say so. */
export function EntityCounts({ counts, together = false }: { counts: readonly EntityCount[]; together?: boolean }) {
  return (
    <ul class="chips">
      {counts.map(({ entity, count: n }) => (
        <li>
          <a href={entity.url}>{entity.name}</a> <span class="chip-type">{together ? `in ${count(n, "article")} together` : count(n, "article")}</span>
        </li>
      ))}
    </ul>
  );
}

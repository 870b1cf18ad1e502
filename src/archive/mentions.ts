// Part of the archive model (./build.ts): which entities an article's body links at their first
// mention, and by which names. The Markdown stage does the linking (rehype-entity-mentions);
// this decides what it is given, from the front matter of the article and of its entities.
import type { MentionTarget } from "../markdown/render.ts";

/** What mention linking needs to know of one entity an article lists. */
export interface MentionSource {
  name: string;
  aliases: readonly string[];
  url: string;
  description?: string;
  /** false when the entity's file says `link_mentions: false`. */
  linkMentions: boolean;
}

/**
 * The entities whose first mentions an article's body links, in the order the article lists
 * them (which the Markdown cache's key includes); none when the article says
 * `link_mentions: false`.
 */
export function mentionTargets(
  articleLinks: boolean,
  entities: readonly MentionSource[],
): MentionTarget[] {
  if (!articleLinks) return [];
  return entities
    .filter((entity) => entity.linkMentions)
    .map((entity) => ({
      url: entity.url,
      names: [entity.name, ...entity.aliases],
      ...(entity.description ? { title: entity.description } : {}),
    }));
}

// Links the first mention of each of an article's entities in its body to the entity's page,
// with the entity's short description as the link's title. Runs after sanitizing: the links
// it adds are the site's own, and their text is the body's text as written.
import type { Element, ElementContent, Root } from "hast";
import { findAndReplace, type RegExpMatchObject } from "hast-util-find-and-replace";
import { matchedName, nameMatcher } from "../name-pattern.ts";

export interface MentionTarget {
  /** The entity's page. */
  url: string;
  /** The entity's name and aliases: a mention is any of them. */
  names: string[];
  /** The entity's short description, shown as the link's title. */
  title?: string;
}

export interface Options {
  targets?: readonly MentionTarget[];
  /** The class of each link made; none when empty. */
  className?: string;
}

/**
 * Text inside these is not a mention to link: links (no link in a link), code, headings
 * (a heading is a title, not a sentence), captions and alternatives of images, and what
 * hast-util-find-and-replace leaves alone by default.
 */
export const SKIPPED_ELEMENTS = [
  "a",
  "code",
  "pre",
  "kbd",
  "samp",
  "var",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "figcaption",
  "picture",
  "button",
  "math",
  "script",
  "style",
  "svg",
  "title",
];

export default function rehypeEntityMentions(options: Options = {}) {
  return (tree: Root): void => linkMentions(tree, options);
}

/** The plugin's work, for callers that hold a tree already (the Markdown stage). */
export function linkMentions(tree: Root, { targets = [], className = "mention" }: Options): void {
  const byName = new Map<string, MentionTarget>();
  for (const target of targets)
    for (const name of target.names) if (!byName.has(name.trim())) byName.set(name.trim(), target);
  const matcher = nameMatcher([...byName.keys()]);
  if (!matcher) return;
  const linked = new Set<MentionTarget>();
  // A later mention of an entity already linked is passed over whole, so that no shorter
  // name inside it ("Times" in "New York Times") is taken for a mention of its own.
  let passed = { input: "", end: -1 };
  const replace = (...args: unknown[]): ElementContent | false => {
    const found = args.at(-1) as RegExpMatchObject;
    const text = args[0] as string;
    if (found.input === passed.input && found.index < passed.end) return false;
    const target = byName.get(matchedName(matcher, args.slice(1, -1)) ?? "");
    if (!target || linked.has(target)) {
      passed = { input: found.input, end: found.index + text.length };
      return false;
    }
    linked.add(target);
    return mentionLink(target, text, className);
  };
  findAndReplace(tree, [matcher.regexp, replace], { ignore: SKIPPED_ELEMENTS });
}

function mentionLink(target: MentionTarget, text: string, className: string): Element {
  const properties: Element["properties"] = { href: target.url };
  if (className) properties.className = [className];
  if (target.title) properties.title = target.title;
  return { type: "element", tagName: "a", properties, children: [{ type: "text", value: text }] };
}

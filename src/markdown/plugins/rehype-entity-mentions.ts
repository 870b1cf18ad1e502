// Links the first mention of each of an article's entities in its body to the entity's page,
// with the entity's short description as the link's title. Runs after sanitizing: the links
// it adds are the site's own, and their text is the body's text as written.
import type { Element, ElementContent, Root } from "hast";
import { nameMatcher } from "../name-pattern.ts";

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
 * holds no prose (scripts, styles, drawings, formulas).
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

const SKIPPED = new Set(SKIPPED_ELEMENTS);

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
  // Mentions are found a text at a time, in document order. A later mention of an entity
  // already linked is passed over whole, so that no shorter name inside it ("Times" in
  // "New York Times") is taken for a mention of its own.
  const linkIn = (text: string): ElementContent[] | undefined => {
    const nodes: ElementContent[] = [];
    let done = 0;
    for (const { name, start, end } of matcher.find(text)) {
      const target = byName.get(name);
      if (!target || linked.has(target)) continue;
      linked.add(target);
      if (start > done) nodes.push({ type: "text", value: text.slice(done, start) });
      nodes.push(mentionLink(target, text.slice(start, end), className));
      done = end;
    }
    if (done === 0) return undefined;
    if (done < text.length) nodes.push({ type: "text", value: text.slice(done) });
    return nodes;
  };
  linkTexts(tree, linkIn);
}

/**
 * Replaces the text nodes outside SKIPPED_ELEMENTS that `linkIn` links. By hand rather than
 * with hast-util-find-and-replace, which looks for one regular expression in each text as
 * written, while names are found in folded text (../name-pattern.ts).
 */
function linkTexts(
  parent: Root | Element,
  linkIn: (text: string) => ElementContent[] | undefined,
): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "element") {
      if (!SKIPPED.has(child.tagName)) linkTexts(child, linkIn);
    } else if (child.type === "text") {
      const nodes = linkIn(child.value);
      if (!nodes) continue;
      children.splice(i, 1, ...nodes);
      i += nodes.length - 1;
    }
  }
}

function mentionLink(target: MentionTarget, text: string, className: string): Element {
  const properties: Element["properties"] = { href: target.url };
  if (className) properties.className = [className];
  if (target.title) properties.title = target.title;
  return { type: "element", tagName: "a", properties, children: [{ type: "text", value: text }] };
}

// Which of GitHub's extensions to Markdown a body can contain, told from its characters alone,
// so that the parser runs only those (render.ts). Every test here is conservative: a body it
// says cannot hold a construct parses to the same tree without that construct's extension.
import type { Nodes, Root } from "mdast";
import { decodeString } from "micromark-util-decode-string";

/** GFM's constructs, each of which the parser can leave out; remark-gfm's order. */
export const GFM_CONSTRUCTS = [
  "emailAutolink",
  "urlAutolink",
  "footnote",
  "strikethrough",
  "table",
  "taskListItem",
] as const;

export type GfmConstruct = (typeof GFM_CONSTRUCTS)[number];

/**
 * What each construct needs in the source, read from the micromark-extension-gfm-* sources:
 * - a URL autolink (`https://a.b`, `www.a.b`) starts with `http://`, `https://` or `www.`, in
 *   any case;
 * - an e-mail autolink (`a@b.c`, also `mailto:` and `xmpp:` ones) has an `@`;
 * - a footnote definition starts with `[^`, and a call is only one when its label is defined;
 * - strikethrough is made of `~`, which also changes how `*` and `_` next to it pair up;
 * - a table's delimiter row has a `|`, or else a colon against a dash: `a\n:--` is a table of
 *   one column, aligned left.
 */
const NEEDS: Record<Exclude<GfmConstruct, "taskListItem">, RegExp> = {
  emailAutolink: /@/,
  urlAutolink: /https?:\/\/|www\./i,
  footnote: /\[\^/,
  strikethrough: /~/,
  table: /\||:-|-:/,
};

/**
 * The constructs `markdown` can contain, in GFM_CONSTRUCTS' order.
 *
 * Task list items are always in: their check (`[`, a space, tab, line ending or x, `]`) can be
 * split over two lines of a list item, and their extension costs next to nothing.
 */
export function gfmConstructsIn(markdown: string): GfmConstruct[] {
  const possible = GFM_CONSTRUCTS.filter(
    (construct) => construct === "taskListItem" || NEEDS[construct].test(markdown),
  );
  const autolinks = autolinksInDecodedText(markdown, possible);
  return GFM_CONSTRUCTS.filter(
    (construct) => possible.includes(construct) || autolinks.includes(construct),
  );
}

/**
 * Autolinks are also found after parsing, in the text with its escapes and character
 * references decoded (mdast-util-gfm-autolink-literal's transform), so `http&#58;//a.b` and
 * `a&#64;b.c` are links too: those are looked for in the body decoded the same way.
 */
function autolinksInDecodedText(markdown: string, found: readonly GfmConstruct[]): GfmConstruct[] {
  const missing = (["emailAutolink", "urlAutolink"] as const).filter((c) => !found.includes(c));
  // Only an escape (`\`) or a character reference (`&`) decodes to something else.
  if (missing.length === 0 || !/[\\&]/.test(markdown)) return [];
  const decoded = decodeString(markdown);
  return missing.filter((construct) => NEEDS[construct].test(decoded));
}

/** The autolinks, which can also be told from a tree parsed without them (autolinksInTree). */
export const AUTOLINKS: readonly GfmConstruct[] = ["emailAutolink", "urlAutolink"];

/**
 * Which of the autolink `candidates` a tree parsed without them needs, from its text alone.
 *
 * Bodies name URLs mostly as link destinations (`[the report](https://…)`), which the
 * character test above cannot tell from text, and the autolink extension costs a fifth of a
 * parse. But an autolink literal is a run of characters (`http://`, `https://`, `www.`, an
 * `@`) that, without the extension, micromark leaves as data in a text node: no CommonMark
 * construct starts at a letter, and the constructs that start earlier (code, HTML, links'
 * destinations) take the same characters either way. The extension's transform looks in text
 * nodes alone too. So a tree none of whose text (image alts included, to be safe) holds a
 * candidate's trigger is the tree that parsing with the candidate gives.
 */
export function autolinksInTree(tree: Root, candidates: readonly GfmConstruct[]): GfmConstruct[] {
  const needs = candidates.filter(isAutolink);
  const found = new Set<GfmConstruct>();
  const stack: Nodes[] = [tree];
  while (stack.length > 0 && found.size < needs.length) {
    const node = stack.pop()!;
    const text = node.type === "text" ? node.value : "alt" in node ? node.alt : undefined;
    if (text) for (const construct of needs) if (NEEDS[construct].test(text)) found.add(construct);
    if ("children" in node) stack.push(...node.children);
  }
  return needs.filter((construct) => found.has(construct));
}

function isAutolink(construct: GfmConstruct): construct is "emailAutolink" | "urlAutolink" {
  return AUTOLINKS.includes(construct);
}

// Import: titles and excerpts are HTML in WordPress and feeds; front matter wants plain text,
// entities decoded, tags and their scripts gone.
import type { Root } from "hast";
import { toString } from "hast-util-to-string";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";

const parser = unified().use(rehypeParse, { fragment: true });
const NOT_TEXT = new Set(["script", "style", "template", "noscript"]);

export function plainText(html: string): string {
  const tree = parser.parse(html) as Root;
  visit(tree, "element", (node, index, parent) => {
    if (!parent || index === undefined || !NOT_TEXT.has(node.tagName)) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return toString(tree).replace(/\s+/g, " ").trim();
}

/** The first words of a text, at most `max` characters, cut at a word. */
export function firstWords(text: string, max = 60): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1).replace(/\s+\S*$/, "");
  return `${cut || text.slice(0, max)}…`;
}

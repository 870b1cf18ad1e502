// Compares HTML by structure: parsed, heading ids (ours, not the spec's) removed, attributes
// sorted and whitespace between tags folded, so that only real differences remain.
import type { Element, Root } from "hast";
import rehypeParse from "rehype-parse";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { visit } from "unist-util-visit";

const processor = unified()
  .use(rehypeParse, { fragment: true })
  .use(() => (tree: Root) => {
    visit(tree, "element", (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) delete node.properties.id;
    });
  })
  .use(rehypeStringify);

export function normalizeHtml(html: string): string {
  return String(processor.processSync(html)).replace(/>\s+</g, "><").replace(/\s+/g, " ").trim();
}

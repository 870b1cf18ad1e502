// Rehype plugin for import, after the sanitizer: a link left with no address (its
// `javascript:` one removed) becomes its text, rather than an empty Markdown link `[text]()`.
import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

export default function unwrapBareLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "a" || node.properties.href || !parent || index === undefined) return;
      parent.children.splice(index, 1, ...node.children);
      return [SKIP, index];
    });
  };
}

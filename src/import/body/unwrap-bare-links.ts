// Rehype plugin for import, after the sanitizer: a link left with no address (its
// `javascript:` one removed) becomes its text, rather than an empty Markdown link `[text]()`,
// and an image left with none (a `data:` one) goes, rather than become `![alt]()`.
import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

export default function unwrapBareLinks() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === "a" && !node.properties.href) {
        parent.children.splice(index, 1, ...node.children);
        return [SKIP, index];
      }
      if (node.tagName === "img" && !node.properties.src) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

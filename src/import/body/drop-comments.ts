// Rehype plugin for import: drops every HTML comment, WordPress's block markers
// (`<!-- wp:paragraph -->`) among them; `<!--more-->` too, since Dateline has no teaser cut.
import type { Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

export default function dropComments() {
  return (tree: Root) => {
    visit(tree, "comment", (_node, index, parent) => {
      if (!parent || index === undefined) return;
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}

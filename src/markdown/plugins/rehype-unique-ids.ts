// Ids in a body, unique as HTML requires, after sanitizing: rehype-slug numbers headings among
// themselves but knows nothing of ids written in raw HTML (`<a id="intro">` beside `# Intro`),
// so a later id that repeats an earlier one is removed (links go to the first, as browsers do).
// `<a name>`, an anchor of old HTML that is no longer valid, becomes the id it stood for.
import type { Root } from "hast";
import { visit } from "unist-util-visit";

export default function rehypeUniqueIds() {
  return (tree: Root): void => {
    const seen = new Set<string>();
    visit(tree, "element", (node) => {
      const { properties } = node;
      if (node.tagName === "a" && typeof properties.name === "string") {
        properties.id ??= properties.name;
        delete properties.name;
      }
      const id = properties.id;
      if (typeof id !== "string") return;
      if (seen.has(id)) delete properties.id;
      else seen.add(id);
    });
  };
}

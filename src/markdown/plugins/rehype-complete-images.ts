// Images as HTML requires them, after sanitizing: rehype-sanitize drops a `data:` or
// `javascript:` src and keeps the element, and raw HTML may have no alt. An image without a
// source becomes its alt text (a reader still gets what it described); one without alt gets
// an empty one, since HTML requires the attribute (the images stage warns about both forms).
import type { ElementContent, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

export default function rehypeCompleteImages() {
  return (tree: Root): void => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "img") return;
      const alt = typeof node.properties.alt === "string" ? node.properties.alt : "";
      if (node.properties.src === undefined && node.properties.srcSet === undefined) {
        if (!parent || index === undefined) return;
        const text: ElementContent[] = alt ? [{ type: "text", value: alt }] : [];
        parent.children.splice(index, 1, ...text);
        return [SKIP, index];
      }
      node.properties.alt = alt;
      return undefined;
    });
  };
}

// Rehype plugin for import: a figure (WordPress's [caption], an image or gallery block) becomes
// its images followed by the caption as an emphasised paragraph, which is what Markdown can
// say; the caption is kept as text rather than lost.
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

export default function figuresToCaptions() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      if (node.tagName !== "figure") return;
      const caption = node.children.find(isCaption);
      const rest = node.children.filter((child) => child !== caption);
      const captionParagraph: Element[] = caption && hasText(caption)
        ? [{ type: "element", tagName: "p", properties: {}, children: [
            { type: "element", tagName: "em", properties: {}, children: caption.children }] }]
        : [];
      // Changed in place, so that the visit goes on into the figure's own figures.
      node.tagName = "div";
      node.properties = {};
      node.children = [...rest, ...captionParagraph];
    });
  };
}

function isCaption(node: Element["children"][number]): node is Element {
  return node.type === "element" && node.tagName === "figcaption";
}

function hasText(node: Element): boolean {
  return node.children.some((child) => child.type !== "text" || child.value.trim() !== "");
}

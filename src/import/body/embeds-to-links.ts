// Rehype plugin for import: embedded players become links to what they showed. A frame
// (YouTube, Vimeo, anything) links to its page; a block or line holding only an address
// (WordPress's oEmbed: the URL alone on its line, or in a `wp-block-embed` figure) becomes a
// link. Markdown has no embeds, and a frame would run the other site's script.
import type { Element, ElementContent, Root } from "hast";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { toString } from "hast-util-to-string";

export default function embedsToLinks() {
  return (tree: Root, file: VFile) => {
    visit(tree, "element", (node, index, parent) => {
      if (!parent || index === undefined) return;
      if (node.tagName === "iframe") {
        const page = framePage(String(node.properties.src ?? ""));
        if (!page) {
          file.message("an embedded frame with no web address was removed");
          parent.children.splice(index, 1);
          return [SKIP, index];
        }
        parent.children[index] = paragraph(linkTo(page));
        return SKIP;
      }
      if (isAddressOnly(node)) {
        node.children = [linkTo(toString(node).trim())];
        return SKIP;
      }
      return undefined;
    });
  };
}

/** The page a player shows: `youtube.com/embed/ID` is `youtube.com/watch?v=ID`. */
export function framePage(src: string): string | undefined {
  const address = src.startsWith("//") ? `https:${src}` : src;
  if (!/^https?:\/\//i.test(address)) return undefined;
  const youtube =
    /^https?:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([\w-]+)/i.exec(address);
  if (youtube) return `https://www.youtube.com/watch?v=${youtube[1]}`;
  const vimeo = /^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i.exec(address);
  if (vimeo) return `https://vimeo.com/${vimeo[1]}`;
  return address;
}

const ADDRESS_HOLDERS = new Set(["p", "div", "figure"]);

function isAddressOnly(node: Element): boolean {
  if (!ADDRESS_HOLDERS.has(node.tagName)) return false;
  if (!node.children.every((child) => child.type === "text")) return false;
  return /^https?:\/\/\S+$/i.test(toString(node).trim());
}

function linkTo(address: string): Element {
  const text: ElementContent = { type: "text", value: address };
  return { type: "element", tagName: "a", properties: { href: address }, children: [text] };
}

function paragraph(child: Element): Element {
  return { type: "element", tagName: "p", properties: {}, children: [child] };
}

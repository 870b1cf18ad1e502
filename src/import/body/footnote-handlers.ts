// rehype-remark handlers for import: GitHub's footnote HTML (as wordpress-footnotes.ts writes
// it, after the sanitizer has prefixed its ids) becomes mdast footnotes, which remark-gfm
// writes as `[^1]` and `[^1]: the note`. hast-util-to-mdast has no footnote handling itself.
import type { Element } from "hast";
import { defaultHandlers, type Handle } from "hast-util-to-mdast";
import type { FootnoteDefinition, FootnoteReference } from "mdast";

export const footnoteHandlers: Record<string, Handle> = {
  a(state, node) {
    if (!node.properties.dataFootnoteRef) return defaultHandlers.a(state, node);
    const identifier = String(node.properties.href ?? "").replace(/^#(user-content-)?fn-/, "");
    const result: FootnoteReference = { type: "footnoteReference", identifier, label: identifier };
    return result;
  },
  section(state, node) {
    if (!node.properties.dataFootnotes) return defaultHandlers.section(state, node);
    const list = node.children.find((child): child is Element =>
      child.type === "element" && child.tagName === "ol");
    return (list?.children ?? []).flatMap((item): FootnoteDefinition[] => {
      if (item.type !== "element" || item.tagName !== "li") return [];
      const identifier = String(item.properties.id ?? "").replace(/^(user-content-)?fn-/, "");
      const children = state.toFlow(state.all(item)) as FootnoteDefinition["children"];
      return [{ type: "footnoteDefinition", identifier, label: identifier, children }];
    });
  },
};

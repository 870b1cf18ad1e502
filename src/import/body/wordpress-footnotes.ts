// Rehype plugin for import, before the sanitizer: WordPress's footnotes become GFM footnotes.
// The block editor marks a reference `<sup data-fn="id">` and keeps the notes in the post's
// `footnotes` meta (exports) or renders them as `ol.wp-block-footnotes` (feeds); footnote
// shortcodes leave the same mark (shortcodes.ts). Each becomes GitHub's footnote HTML, which
// the sanitizer keeps and footnote-handlers.ts turns into `[^1]` and its definition.
import type { Element, ElementContent, Root } from "hast";
import rehypeParse from "rehype-parse";
import { unified } from "unified";
import { SKIP, visit } from "unist-util-visit";
import type { VFile } from "vfile";

export interface FootnotesOptions {
  /** Notes by id, as HTML: the post's `footnotes` meta and footnote shortcodes. */
  notes: ReadonlyMap<string, string>;
}

const parser = unified().use(rehypeParse, { fragment: true });

export default function wordpressFootnotes(options: FootnotesOptions) {
  return (tree: Root, file: VFile) => {
    const rendered = renderedNotes(tree);
    const numbered: { number: number; content: ElementContent[] }[] = [];
    visit(tree, "element", (node, index, parent) => {
      const id = node.tagName === "sup" ? node.properties.dataFn : undefined;
      if (typeof id !== "string" || !parent || index === undefined) return;
      const html = options.notes.get(id);
      const content = html === undefined ? rendered.get(id) : parse(html);
      if (!content) {
        file.message("a footnote mark has no note in the export: it was removed");
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      const number = numbered.length + 1;
      numbered.push({ number, content });
      parent.children[index] = reference(number);
      return SKIP;
    });
    if (numbered.length > 0) tree.children.push(footnoteSection(numbered));
  };
}

/** Notes a feed carries already rendered; the list itself is removed (it is rebuilt). */
function renderedNotes(tree: Root): Map<string, ElementContent[]> {
  const notes = new Map<string, ElementContent[]>();
  visit(tree, "element", (node, index, parent) => {
    const classes = node.properties.className;
    const isList = Array.isArray(classes) && classes.includes("wp-block-footnotes");
    if (!isList || !parent || index === undefined) return;
    for (const item of node.children) {
      if (item.type !== "element" || typeof item.properties.id !== "string") continue;
      notes.set(item.properties.id, item.children.filter((child) => !isBackLink(child)));
    }
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
  return notes;
}

function isBackLink(node: ElementContent): boolean {
  return node.type === "element" && node.tagName === "a" &&
    String(node.properties.href ?? "").endsWith("-link");
}

function parse(html: string): ElementContent[] {
  return (parser.parse(html) as Root).children.filter(
    (child): child is ElementContent => child.type !== "doctype");
}

function reference(number: number): Element {
  return element("sup", {}, [element("a", { href: `#fn-${number}`, dataFootnoteRef: true },
    [{ type: "text", value: String(number) }])]);
}

function footnoteSection(notes: readonly { number: number; content: ElementContent[] }[]): Element {
  const items = notes.map((note) => element("li", { id: `fn-${note.number}` }, note.content));
  return element("section", { dataFootnotes: true }, [element("ol", {}, items)]);
}

function element(tagName: string, properties: Element["properties"],
  children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

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

const pageParser = unified().use(rehypeParse);

export function parsePageHtml(html: string): Root {
  return pageParser.parse(html);
}

export function allElements(tree: Root): Element[] {
  const found: Element[] = [];
  visit(tree, "element", (node: Element) => void found.push(node));
  return found;
}

/** The search page's, the `/` key's (every page) and the search highlight's (articles). */
const OUR_SCRIPTS = ["/assets/search.js", "/assets/search-key.js", "/assets/search-highlight.js"];
/** Attributes a browser follows or loads as a URL (hast's property names). */
const URL_ATTRIBUTES = new Set(["href", "src", "srcSet", "action", "formAction", "poster", "data", "cite", "background", "xLinkHref", "ping"]);

/**
 * Fails unless every script on the page is ours (or JSON-LD that parses), and no element has
 * an event handler, embeds a frame or object, or links to a javascript:/data:/vbscript: URL.
 */
export function assertNoContentScript(tree: Root, where: string, fail: (message: string) => never): void {
  for (const element of allElements(tree)) {
    const at = `${where}: <${element.tagName}>`;
    if (element.tagName === "script") {
      const src = String(element.properties.src ?? "");
      if (element.properties.type === "application/ld+json") {
        const body = element.children[0]?.type === "text" ? element.children[0].value : "";
        try {
          JSON.parse(body);
        } catch {
          fail(`${at} JSON-LD does not parse`);
        }
      } else if (!OUR_SCRIPTS.includes(src)) fail(`${at} is not one of our scripts (src=${src})`);
    }
    if (element.tagName === "iframe" || element.tagName === "object" || element.tagName === "embed") fail(`${at} embeds content`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) fail(`${at} has an event handler ${name}`);
      if (URL_ATTRIBUTES.has(name) && /^\s*(javascript|data|vbscript):/i.test(String(value))) fail(`${at} ${name}=${String(value)}`);
    }
  }
}

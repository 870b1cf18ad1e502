// rehype-sanitize prefixes every id in a body (`user-content-`) so that content cannot clobber
// the page's own ids or globals; GitHub then fixes `#fragment` links with JavaScript. Our pages
// work without JavaScript, so this rewrites in-body fragment links to the prefixed ids instead.
import type { Element, Root } from "hast";
import { visit } from "unist-util-visit";

export interface Options {
  /** The prefix rehype-sanitize added. */
  prefix?: string;
}

export default function rehypeFragmentLinks({ prefix = "user-content-" }: Options = {}) {
  return (tree: Root): void => {
    const ids = new Set<string>();
    const links: Element[] = [];
    visit(tree, "element", (node) => {
      if (typeof node.properties.id === "string") ids.add(node.properties.id);
      if (node.tagName === "a" && typeof node.properties.href === "string" && node.properties.href.startsWith("#")) links.push(node);
    });
    for (const link of links) {
      const target = decodeFragment(String(link.properties.href).slice(1));
      if (!ids.has(target) && ids.has(prefix + target)) link.properties.href = `#${prefix}${target}`;
    }
  };
}

function decodeFragment(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

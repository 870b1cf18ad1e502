// Parses raw HTML in a body into real elements, so that rehype-sanitize can keep what is safe
// and drop the rest. rehype-raw re-serialises the whole tree through parse5 even when a body
// has no HTML at all; most articles have none, so this checks first and skips the cost.
import type { Root } from "hast";
import { raw } from "hast-util-raw";
import { visit, EXIT } from "unist-util-visit";

export default function rehypeRawWhenPresent() {
  return (tree: Root): Root => {
    let hasRaw = false;
    visit(tree, "raw", () => {
      hasRaw = true;
      return EXIT;
    });
    return hasRaw ? (raw(tree) as Root) : tree;
  };
}

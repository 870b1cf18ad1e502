// Rehype plugin for import: an image whose address is relative (`x.png`, `/images/x.png`)
// meant a file of the old site, next to the post or at its root. On the new site the same
// address names a file of `content/static/`, which the import does not have, and which the
// build would report missing. So it is made absolute against the post's old address: the image
// keeps showing from the old site while it is up, and one under `wp-content/uploads/` is then
// copied and rewritten like the others (./upload-links.ts runs after this).
import type { Root } from "hast";
import { visit } from "unist-util-visit";

export interface OldImageAddressesOptions {
  /** The post's address on the old site; none, or not http(s): addresses stay as written. */
  oldAddress?: string;
}

const ATTRIBUTES: Record<string, string> = { img: "src", source: "src" };
/** An address with a scheme (`https:`, `data:`) or a host (`//cdn…`): not relative. */
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export default function oldImageAddresses(options: OldImageAddressesOptions) {
  const base = httpAddress(options.oldAddress);
  return (tree: Root) => {
    if (!base) return;
    visit(tree, "element", (node) => {
      const attribute = ATTRIBUTES[node.tagName];
      const address = attribute ? node.properties[attribute] : undefined;
      if (!attribute || typeof address !== "string" || !address.trim()) return;
      if (ABSOLUTE.test(address.trim())) return;
      node.properties[attribute] = new URL(address.trim(), base).href;
    });
  };
}

function httpAddress(address: string | undefined): URL | undefined {
  if (!address || !URL.canParse(address)) return undefined;
  const url = new URL(address);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
}

// Rehype plugin for import: images and links into WordPress's `wp-content/uploads/` that the
// given copy of that folder holds are rewritten to the same path on the new site, and listed
// so that the files are copied into `content/static/` (old image addresses keep working too).
import { existsSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { PUBLISHED_TYPES } from "../../publish/static-files.ts";

export interface UploadLinksOptions {
  /** The copy of `wp-content/uploads`, or none: then addresses stay as they are. */
  uploadsDir?: string;
  /** Collects each file to copy: its path under the uploads folder. */
  found: Set<string>;
}

const ATTRIBUTES: Record<string, string> = { img: "src", a: "href", source: "src" };
/** `wp-content/uploads/<path>` on any host (or none), the WordPress site in a folder or not. */
const UPLOADS =
  /^(?:(?:https?:)?\/\/[^/]+)?(?:\/[^?#]*)?\/wp-content\/uploads\/([^?#]+)$/i;

export default function uploadLinks(options: UploadLinksOptions) {
  return (tree: Root, file: VFile) => {
    if (!options.uploadsDir) return;
    const uploadsDir = options.uploadsDir;
    visit(tree, "element", (node) => {
      const attribute = ATTRIBUTES[node.tagName];
      const address = attribute ? node.properties[attribute] : undefined;
      if (!attribute || typeof address !== "string") return;
      const upload = uploadedFile(address, uploadsDir);
      if (!upload) return;
      if ("missing" in upload) {
        file.message(upload.missing);
        return;
      }
      options.found.add(upload.path);
      node.properties[attribute] = upload.url;
    });
  };
}

/**
 * Where an address into `wp-content/uploads/` goes on the new site, with the file to copy; a
 * reason when the uploads folder lacks it; none when it is not such an address (or not a type
 * the site publishes), and so stays as it is.
 */
export function uploadedFile(address: string, uploadsDir: string):
  { path: string; url: string } | { missing: string } | undefined {
  const match = UPLOADS.exec(address.trim());
  const path = match ? uploadPath(match[1] ?? "") : undefined;
  if (!path || !PUBLISHED_TYPES.includes(extname(path).toLowerCase())) return undefined;
  if (!existsSync(join(uploadsDir, path))) {
    return { missing: `${address} is not in the uploads folder: its address was left as it was` };
  }
  return { path, url: `/wp-content/uploads/${path.split(sep).join("/")}` };
}

/** The file's path under the uploads folder, or none if it would leave it. */
function uploadPath(written: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(written);
  } catch {
    return undefined;
  }
  const path = normalize(decoded);
  const hidden = path.split(sep).some((part) => part.startsWith("."));
  if (path.startsWith("..") || path.startsWith(sep) || hidden) {
    return undefined;
  }
  return path;
}

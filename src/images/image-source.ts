// The images stage's look-up: which file of the archive's static folder an image's `src`
// names. A page resolves `src` as a browser would (against the page's URL), and the static
// folder is published at the site's root, so `/images/map.png` is `static/images/map.png`.
import { extname, join } from "node:path";
import { STATIC_FOLDER } from "../publish/static-files.ts";
import { TRANSFORMED_TYPES } from "./variants.ts";

/** What an image's `src` is to the images stage. */
export type ImageSource =
  /** On the web, or a type left as it is (BMP, ICO, SVG…): published untouched, as written. */
  | { kind: "as-is" }
  /** A file of the static folder to publish in several sizes and formats. */
  | { kind: "static"; file: string; sitePath: string };

/** A stand-in origin: only the path of a resolved URL is used. */
const ORIGIN = "http://site.invalid";

/**
 * The file `src` names, resolved against the page at `pageUrl` (a site path such as
 * `/2020/08/13/story/`). URL resolution removes every `..` above the root, so the result is
 * always inside the static folder.
 */
export function imageSource(src: string, pageUrl: string, contentDir: string): ImageSource {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith("//")) return { kind: "as-is" };
  let path: string;
  try {
    path = decodeURIComponent(new URL(src, new URL(pageUrl, ORIGIN)).pathname);
  } catch {
    return { kind: "as-is" };
  }
  if (!TRANSFORMED_TYPES.has(extname(path).toLowerCase()) || path.includes("\0")) {
    return { kind: "as-is" };
  }
  // Resolution removed every `..` written as such, but not one percent-encoded with its slash
  // (`..%2F..%2Fsecret.png`), which decoding brings back: such a name is no file of static/.
  const segments = path.split("/");
  if (segments.some((segment) => segment === ".." || segment === ".") || path.includes("\\")) {
    return { kind: "as-is" };
  }
  const file = join(contentDir, STATIC_FOLDER, ...segments);
  return { kind: "static", file, sitePath: path };
}

// The images stage in article bodies: each <img> of the rendered (sanitized) body whose file is
// in the static folder becomes a <picture>. Only those tags are replaced, by their places in
// the text, so that the rest of the body stays byte for byte as the Markdown stage wrote it
// (and as its cache keeps it); a body without "<img" is not parsed at all.
import { parseFragment } from "parse5";
import type { DefaultTreeAdapterMap } from "parse5";
import { BODY_IMAGE_SIZES, pictureHtml } from "./picture-html.ts";
import type { ResponsiveImage } from "../archive/model.ts";

type Node = DefaultTreeAdapterMap["node"];
type ElementNode = DefaultTreeAdapterMap["element"];

/** An <img> of a body: its attributes, and where its tag is in the HTML. */
export interface BodyImage {
  src: string;
  alt: string | undefined;
  attributes: Record<string, string>;
  start: number;
  end: number;
}

/** The body's <img> tags, in order. */
export function bodyImages(html: string): BodyImage[] {
  if (!html.includes("<img")) return [];
  const found: BodyImage[] = [];
  const visit = (node: Node) => {
    if ("tagName" in node && node.tagName === "img") found.push(bodyImage(node));
    const children =
      "content" in node ? node.content.childNodes : "childNodes" in node ? node.childNodes : [];
    for (const child of children) visit(child);
  };
  visit(parseFragment(html, { sourceCodeLocationInfo: true }));
  return found.filter((image) => image.end > image.start);
}

function bodyImage(node: ElementNode): BodyImage {
  const attributes = Object.fromEntries(node.attrs.map((attr) => [attr.name, attr.value]));
  const where = node.sourceCodeLocation;
  return {
    src: attributes.src ?? "",
    alt: attributes.alt,
    attributes,
    start: where?.startOffset ?? 0,
    end: where?.endOffset ?? 0,
  };
}

/**
 * The body with each image that `variants` gives a responsive form written as a <picture>;
 * lazy, since a body image is below the headline (and the lead image, when there is one).
 */
export function withPictures(
  html: string,
  images: readonly BodyImage[],
  variants: (image: BodyImage) => ResponsiveImage | undefined,
): string {
  let out = "";
  let at = 0;
  for (const image of images) {
    const responsive = variants(image);
    if (!responsive) continue;
    const { src: _src, alt = "", width: _w, height: _h, ...kept } = image.attributes;
    const picture = pictureHtml(responsive, {
      alt, sizes: BODY_IMAGE_SIZES, lazy: true, imgProperties: kept,
    });
    out += html.slice(at, image.start) + picture;
    at = image.end;
  }
  return at === 0 ? html : out + html.slice(at);
}

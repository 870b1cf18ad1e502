// The images stage's markup: a responsive image as a <picture> (a <source> per modern format,
// then the <img> with the fallback), written by hast-util-to-html so that every attribute is
// escaped. Article bodies get it in place of their <img> (./body-pictures.ts); layouts write
// the same elements in JSX (layouts/components/Picture.tsx).
import type { Element, Properties } from "hast";
import { toHtml } from "hast-util-to-html";
import type { ResponsiveImage } from "../archive/model.ts";

/** How a body image is shown: the article's column, at most 40rem (site.css, --measure). */
export const BODY_IMAGE_SIZES = "(min-width: 45rem) 40rem, calc(100vw - 2rem)";

export interface PictureOptions {
  alt: string;
  sizes: string;
  /** Below the fold: the browser fetches it when it comes near the view. */
  lazy: boolean;
  /** Other attributes of the <img> (a body image's title, say). */
  imgProperties?: Properties;
}

/** The <picture> element of `image`, as hast. */
export function pictureElement(image: ResponsiveImage, options: PictureOptions): Element {
  const sources = image.sources.map((source): Element => ({
    type: "element",
    tagName: "source",
    properties: { type: source.type, srcSet: source.srcset, sizes: options.sizes },
    children: [],
  }));
  const img: Element = {
    type: "element",
    tagName: "img",
    properties: {
      ...options.imgProperties,
      src: image.fallback.src,
      srcSet: image.fallback.srcset,
      sizes: options.sizes,
      alt: options.alt,
      width: image.width,
      height: image.height,
      loading: options.lazy ? "lazy" : "eager",
      decoding: "async",
    },
    children: [],
  };
  return { type: "element", tagName: "picture", properties: {}, children: [...sources, img] };
}

export function pictureHtml(image: ResponsiveImage, options: PictureOptions): string {
  return toHtml(pictureElement(image, options));
}

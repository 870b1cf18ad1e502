// A responsive image (src/images/): a <source> per modern format, then the <img> with the
// JPEG, PNG or GIF fallback, its width and height (so that nothing moves as it loads) and
// `sizes`, the width it is shown at, from which the browser picks a variant. And an image the
// images stage leaves as written, in a box of fixed proportions (WrittenImage).
import type { ResponsiveImage } from "../../src/archive/model.ts";
import { srcFrom } from "./image-src.ts";

export function Picture({
  image,
  alt,
  sizes,
  lazy,
  class: className,
  imgClass,
  searchThumbnail,
}: {
  image: ResponsiveImage;
  alt: string;
  sizes: string;
  /** Below the fold; the lead image is not, and is fetched first. */
  lazy: boolean;
  class?: string;
  imgClass?: string;
  /**
   * The image search results show (Pagefind's `image` meta, with this one's alt text). An
   * attribute of its own: a fixed meta value ("image:/img/…") takes the rest of the list.
   */
  searchThumbnail?: string;
}) {
  return (
    <picture class={className}>
      {image.sources.map((source) => (
        <source type={source.type} srcset={source.srcset} sizes={sizes} />
      ))}
      <img
        class={imgClass}
        src={image.fallback.src}
        srcset={image.fallback.srcset}
        sizes={sizes}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={lazy ? "lazy" : "eager"}
        decoding="async"
        data-thumbnail={searchThumbnail}
        data-pagefind-meta={searchThumbnail ? "image[data-thumbnail], image_alt[alt]" : undefined}
        {...(lazy ? {} : { fetchpriority: "high" })}
      />
    </picture>
  );
}

/**
 * The box given to an image the build leaves as written (a web address, a BMP, an ICO): no
 * request goes to another host at build time, so its size is unknown until a reader's browser
 * loads it. The page fixes its proportions instead (site.css, .written-image: 3:2, the image
 * fitted inside uncropped), so that nothing moves as it loads; width and height say the same.
 */
export const WRITTEN_IMAGE_BOX = { width: 1200, height: 800 };

/**
 * An image left as written, in a box of fixed proportions, its `src` resolved against the page
 * it was written for (`pageUrl`), so that it names the same file from any page that shows it.
 */
export function WrittenImage({
  src,
  pageUrl,
  alt,
  lazy,
  searchable = false,
}: {
  src: string;
  pageUrl: string;
  alt: string;
  lazy: boolean;
  /** The article's own image: search results show it (Pagefind's `image` meta). */
  searchable?: boolean;
}) {
  return (
    <img
      class="written-image"
      src={srcFrom(src, pageUrl)}
      alt={alt}
      width={WRITTEN_IMAGE_BOX.width}
      height={WRITTEN_IMAGE_BOX.height}
      loading={lazy ? "lazy" : "eager"}
      decoding="async"
      data-pagefind-meta={searchable ? "image[src], image_alt[alt]" : undefined}
      {...(lazy ? {} : { fetchpriority: "high" })}
    />
  );
}

// A responsive image (src/images/): a <source> per modern format, then the <img> with the
// JPEG or PNG fallback, its width and height (so that nothing moves as it loads) and `sizes`,
// the width it is shown at, from which the browser picks a variant.
import type { ResponsiveImage } from "../../src/archive/model.ts";

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

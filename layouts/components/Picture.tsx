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
  pagefindMeta,
}: {
  image: ResponsiveImage;
  alt: string;
  sizes: string;
  /** Below the fold; the lead image is not, and is fetched first. */
  lazy: boolean;
  class?: string;
  imgClass?: string;
  /** What the <img> gives the search index (`data-pagefind-meta`). */
  pagefindMeta?: string;
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
        data-pagefind-meta={pagefindMeta}
        {...(lazy ? {} : { fetchpriority: "high" })}
      />
    </picture>
  );
}

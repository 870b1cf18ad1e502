// @11ty/eleventy-img ships no types: the part Dateline uses (src/images/variants.ts).
declare module "@11ty/eleventy-img" {
  export interface ImageOptions {
    widths?: (number | "auto")[];
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
    sharpOptions?: Record<string, unknown>;
    sharpAvifOptions?: Record<string, unknown>;
    sharpWebpOptions?: Record<string, unknown>;
    sharpJpegOptions?: Record<string, unknown>;
    sharpPngOptions?: Record<string, unknown>;
    svgShortCircuit?: boolean;
    useCache?: boolean;
    /** Only the metadata: nothing is encoded or written. */
    statsOnly?: boolean;
    hashLength?: number;
    concurrency?: number;
  }
  /** One file made from the source: a format at a width. */
  export interface ImageVariant {
    format: string;
    width: number;
    height: number;
    url: string;
    sourceType: string;
    srcset: string;
    filename: string;
    outputPath: string;
    size: number;
  }
  /** The files made, by format, each list narrowest first. */
  export type ImageMetadata = Record<string, ImageVariant[]>;
  function Image(src: string, options: ImageOptions): Promise<ImageMetadata>;
  export default Image;
}

// ico-endec ships no types: the part Dateline uses (src/icons/site-icons.ts).
declare module "ico-endec" {
  /** An ICO holding the given PNG (or BMP) images as they are, one entry each. */
  function encode(images: readonly (Buffer | ArrayBuffer)[]): Buffer;
  const icoEndec: { encode: typeof encode };
  export default icoEndec;
}

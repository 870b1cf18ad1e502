// Text that XML can carry: what every feed and the sitemap pass their text through first.

/** Characters XML 1.0 forbids even escaped: most C0 controls, lone surrogates, U+FFFE/F. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Removes what XML 1.0 cannot carry. By hand because the libraries pass such characters
 * through (feedsmith and fast-xml-parser) or throw on them (xmlbuilder2), and a feed with one
 * is not well-formed, so strict readers drop all of it.
 */
export function xmlSafe(text: string): string {
  return text.replace(INVALID_XML, "");
}

/** Text and attribute values for XML written by hand (the sitemap): escaped and cleaned. */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

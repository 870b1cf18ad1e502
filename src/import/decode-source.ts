// Import, step 1's first half: a source's bytes become text in the encoding it declares. Old
// exports and feeds are often ISO-8859-1 or windows-1252, said in the XML declaration or in the
// HTTP `Content-Type`; read as UTF-8, every accented letter would become U+FFFD.
//
// A label is read as browsers read it (the WHATWG Encoding Standard, through TextDecoder's
// `encoding`: "ISO-8859-1" and "latin1" mean windows-1252, which WordPress exports so labelled
// hold), and the bytes are decoded by iconv-lite: Node 20's TextDecoder decodes windows-1252
// as ISO-8859-1 (0x93 stays U+0093, not “), and lacks encodings older exports use (cp437,
// macintosh).
// The choice of encoding is written here: html-encoding-sniffer, the maintained sniffer, reads a
// BOM and a transport charset but not the XML declaration (its README says so), and needs a
// newer Node than the project's 20. The order is RFC 7303's: a byte order mark, then the HTTP
// charset, then the XML declaration, else UTF-8 (XML's default).
import iconv from "iconv-lite";

/** How the encoding was found, for the error message when it cannot be read. */
type Declared = { label: string; where: string };

const BOMS: { bytes: number[]; label: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], label: "utf-8" },
  { bytes: [0xfe, 0xff], label: "utf-16be" },
  { bytes: [0xff, 0xfe], label: "utf-16le" },
];

/** `<?xml version="1.0" encoding="ISO-8859-1"?>`, read in ASCII from the first bytes. */
const XML_DECLARATION = /^<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/;

/**
 * The source as text. `transportCharset` is the `charset` of a fetched feed's Content-Type.
 * An encoding that cannot be read stops the import, saying where it was declared.
 */
export function decodeSource(bytes: Uint8Array, name: string, transportCharset?: string): string {
  const declared = declaredEncoding(bytes, transportCharset);
  const encoding = canonical(declared.label);
  if (!iconv.encodingExists(encoding)) {
    throw new Error(`${name} is in the encoding "${declared.label}" (${declared.where}), ` +
      "which the import cannot read: save it as UTF-8 and import the file");
  }
  // iconv-lite drops the BOM; a file is never refused for a stray byte (WordPress databases
  // hold some): such bytes become U+FFFD, as a browser shows them.
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** The WHATWG name for a label browsers know (`latin1` → `windows-1252`), else the label. */
function canonical(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return label;
  }
}

export function declaredEncoding(bytes: Uint8Array, transportCharset?: string): Declared {
  const bom = BOMS.find((one) => one.bytes.every((byte, index) => bytes[index] === byte));
  if (bom) return { label: bom.label, where: "its byte order mark" };
  const charset = transportCharset?.trim();
  if (charset) return { label: charset, where: "the server's Content-Type" };
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const label = XML_DECLARATION.exec(head)?.[1];
  // A declaration readable as ASCII is not in UTF-16, whatever it says (XML 1.0, F.1).
  if (label && !/^utf-?16/i.test(label)) return { label, where: "its XML declaration" };
  return { label: "utf-8", where: "XML's default" };
}

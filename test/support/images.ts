// Images for tests, drawn rather than stored: a PNG of any size, its colour making its bytes.
import { Resvg } from "@resvg/resvg-js";

export function drawnPng(width: number, height: number, fill = "#9a1c1c"): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
    + `<rect width="${width}" height="${height / 2}" fill="${fill}"/></svg>`;
  return new Resvg(svg).render().asPng();
}

/**
 * An animated GIF of `frames` frames (or a still one, with one), each a different colour on
 * the left half: GIF89a written byte by byte, since sharp cannot make a GIF of several frames
 * from pixels and no GIF writer is a dependency. Its LZW data uses 8-bit codes and a clear code
 * before every 120 pixels, so that the code table never grows and each code is one byte.
 */
export function drawnGif(width: number, height: number, frames = 3): Buffer {
  const palette = [[0xf4, 0xf1, 0xea], [0x9a, 0x1c, 0x1c], [0x1a, 0x5f, 0xc8], [0x2f, 0x5d, 0x50]];
  const table = Buffer.alloc(128 * 3);
  palette.forEach((rgb, i) => table.set(rgb, i * 3));
  const u16 = (n: number) => [n & 0xff, n >> 8];
  const parts: Buffer[] = [
    Buffer.from("GIF89a"),
    // Logical screen: global table of 128 colours (size field 6), 8 bits per colour.
    Buffer.from([...u16(width), ...u16(height), 0xf6, 0, 0]),
    table,
    // Netscape loop extension: loop forever.
    Buffer.from([0x21, 0xff, 0x0b, ...Buffer.from("NETSCAPE2.0"), 3, 1, 0, 0, 0]),
  ];
  for (let frame = 0; frame < frames; frame++) {
    const colour = 1 + (frame % 3);
    const pixels = Array.from(
      { length: width * height },
      (_, i) => (i % width < width / 2 ? colour : 0),
    );
    const codes: number[] = [];
    for (let at = 0; at < pixels.length; at += 120) codes.push(128, ...pixels.slice(at, at + 120));
    codes.push(129);
    const blocks: number[] = [];
    for (let at = 0; at < codes.length; at += 255) {
      const block = codes.slice(at, at + 255);
      blocks.push(block.length, ...block);
    }
    parts.push(
      Buffer.from([0x21, 0xf9, 4, 0, ...u16(20), 0, 0]), // 0.2 s a frame
      Buffer.from([0x2c, 0, 0, 0, 0, ...u16(width), ...u16(height), 0]),
      Buffer.from([7, ...blocks, 0]),
    );
  }
  parts.push(Buffer.from([0x3b]));
  return Buffer.concat(parts);
}

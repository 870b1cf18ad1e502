// Images for tests, drawn rather than stored: a PNG of any size, its colour making its bytes.
import { Resvg } from "@resvg/resvg-js";

export function drawnPng(width: number, height: number, fill = "#9a1c1c"): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`
    + `<rect width="${width}" height="${height / 2}" fill="${fill}"/></svg>`;
  return new Resvg(svg).render().asPng();
}

// commonmark-spec ships no types: it exports the spec's text and its examples.
declare module "commonmark-spec" {
  const spec: { text: string; tests: { markdown: string; html: string; section: string; number: number }[] };
  export default spec;
}

// One schema.org object in the page's head (see ./structured-data.ts).
import type { Thing, WithContext } from "schema-dts";
import { jsonForScript } from "./format.ts";

export function JsonLd({ data }: { data: WithContext<Thing> }) {
  const html = jsonForScript(data);
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: html }} />;
}

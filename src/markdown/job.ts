// A body to render, apart from the pipeline that renders it (./render.ts): the build's own
// thread reads rendered bodies from the cache and hands the rest to workers, and importing the
// pipeline there would load unified, micromark and their 200 modules for nothing (about 0.2 s
// of every build's start).
import type { MentionTarget } from "./plugins/rehype-entity-mentions.ts";

/** A body to render, and the entities whose first mentions in it link to their pages. */
export interface RenderJob {
  body: string;
  mentions?: readonly MentionTarget[];
}

/** A text alone is a body with no mentions to link. */
export function asJob(job: string | RenderJob): RenderJob {
  return typeof job === "string" ? { body: job } : job;
}

// `npm start`: publish a preview of the archive, drafts included, into _preview/ (never the
// published _site/), serve it on localhost and publish it again on every change.
import { resolveOptions, withClock } from "../config/options.ts";
import { PreviewError, startPreview } from "../preview/preview.ts";

const given = resolveOptions(process.argv.slice(2), process.env, undefined, "_preview");
// The preview's "On this day" is the day it started on: a restart moves it on.
let options: typeof given;
try {
  options = withClock(given);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const port = process.env.PORT === undefined ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT=${process.env.PORT} is not a port number; use one from 1024 to 65535.`);
  process.exit(2);
}
try {
  const preview = await startPreview(options, { port });
  const stop = () => void preview.close().finally(() => process.exit(0));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.once(signal, stop);
  console.log(`Serving a preview of ${options.contentDir} (drafts included) at ${preview.url} from ${options.outputDir}; edit a file and the page reloads.`);
} catch (error) {
  console.error(error instanceof PreviewError ? error.message : error);
  console.error("\nNo preview was started.");
  process.exit(1);
}

// The preview's answer to an edit (`npm start`), for the bench: start the preview on the bench
// archive, save an article with one more line in its body the way editors' programs save (a
// new file renamed over the old), and time until the served page shows the line, then until
// the full publish that follows has finished. A benchmark, never a test.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface PreviewTimes {
  /** From start to serving: the first publish of the preview folder. */
  startSeconds: number;
  /** From the save to the served page showing the new line. */
  shownSeconds: number;
  /** From the save to the end of the full publish that follows it. */
  publishedSeconds: number;
}

const LINE = "A line the preview benchmark added.";

export async function measurePreviewEdit(
  root: string,
  env: NodeJS.ProcessEnv,
  articlePath: string,
  articleUrl: string,
): Promise<PreviewTimes> {
  const start = performance.now();
  const server = spawn(process.execPath, ["--import", "tsx", "src/cli/serve.ts"], {
    cwd: root,
    env: { ...env, PORT: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const lines = outputLines(server);
    const serving = await lines.next(/Serving a preview .* at (http:\/\/\S+?) from/);
    const startSeconds = (performance.now() - start) / 1000;
    const page = new URL(articleUrl, serving[1]).href;
    const saved = performance.now();
    const temporary = join(dirname(articlePath), ".bench-save.tmp");
    writeFileSync(temporary, `${readFileSync(articlePath, "utf8")}\n${LINE}\n`);
    renameSync(temporary, articlePath);
    // Polled: a benchmark measures a wait that a test would await.
    while (!(await fetch(page).then((response) => response.text())).includes(LINE)) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const shownSeconds = (performance.now() - saved) / 1000;
    await lines.next(/^Preview published in /);
    const publishedSeconds = (performance.now() - saved) / 1000;
    return { startSeconds, shownSeconds, publishedSeconds };
  } finally {
    server.kill("SIGINT");
    if (server.exitCode === null) await new Promise((resolve) => server.once("exit", resolve));
  }
}

/** The server's output lines (stdout and stderr), awaited one pattern at a time. */
function outputLines(server: ChildProcess) {
  const seen: string[] = [];
  let wake: () => void = () => {};
  let ended = false;
  for (const stream of [server.stdout, server.stderr]) {
    let rest = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (text: string) => {
      const parts = (rest + text).split("\n");
      rest = parts.pop() ?? "";
      seen.push(...parts);
      wake();
    });
  }
  server.once("exit", () => {
    ended = true;
    wake();
  });
  return {
    async next(pattern: RegExp): Promise<RegExpExecArray> {
      for (;;) {
        while (seen.length > 0) {
          const match = pattern.exec(seen.shift()!);
          if (match) return match;
        }
        if (ended) throw new Error(`the preview exited before printing ${pattern}`);
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
  };
}

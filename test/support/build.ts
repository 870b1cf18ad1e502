// Runs the real build command, as an editor would, on an archive and an output folder.
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BuildRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runBuild(contentDir: string, outputDir: string, env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return runCommand("src/cli/build.ts", [], { CONTENT_DIR: contentDir, OUTPUT_DIR: outputDir, ...env });
}

export function runCommand(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Every file under a folder, as `/`-separated paths relative to it, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split("\\").join("/"))
    .sort();
}

export async function readTree(dir: string): Promise<Map<string, Buffer>> {
  const files = await listFiles(dir);
  return new Map(await Promise.all(files.map(async (file) => [file, await readFile(join(dir, file))] as const)));
}

/** The file a site URL is served from: `/a/` is `a/index.html`. */
export function fileForUrl(url: string): string {
  const path = decodeURIComponent(url.split(/[?#]/)[0]!).replace(/^\//, "");
  return path === "" || path.endsWith("/") ? `${path}index.html` : path;
}

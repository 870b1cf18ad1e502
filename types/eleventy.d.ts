// The part of Eleventy 3's API that Dateline uses. Eleventy ships JSDoc, not declarations.
declare module "@11ty/eleventy" {
  export interface TemplateEngineContext {
    defaultRenderer(data: unknown): Promise<unknown>;
  }

  export interface UserConfig {
    globalData: Record<string, unknown>;
    addGlobalData(name: string, data: unknown): void;
    /** A page may be rendered as bytes: Eleventy writes a Buffer as it is (Template.js, _write). */
    addExtension(extensions: string | string[], options: { key: string; compile?: (this: unknown) => (this: TemplateEngineContext, data: unknown) => Promise<string | Buffer> }): void;
    setTemplateFormats(formats: string | string[]): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    /** Globs of input files not to process, relative to the project's folder. */
    ignores: Set<string>;
  }

  export interface EleventyOptions {
    configPath?: string;
    quietMode?: boolean;
    runMode?: "build" | "serve" | "watch";
    config?: (config: UserConfig) => void | Promise<void>;
  }

  export class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    init(): Promise<void>;
    write(): Promise<unknown>;
    /** Silences Eleventy's console output; errors still throw. */
    disableLogger(): void;
  }
}

// The part of Eleventy 3's API that Dateline uses. Eleventy ships JSDoc, not declarations.
declare module "@11ty/eleventy" {
  export interface EleventyEventArgs {
    /** Careful: reports the configured default output folder, not one given to the constructor. */
    dir: { input: string; output: string };
    runMode: "build" | "serve" | "watch";
    outputMode: string;
    /** Every file written, with its path in the output folder. */
    results: { inputPath: string; outputPath: string; url: string }[];
  }

  export interface TemplateEngineContext {
    defaultRenderer(data: unknown): Promise<unknown>;
  }

  export interface UserConfig {
    globalData: Record<string, unknown>;
    addGlobalData(name: string, data: unknown): void;
    addExtension(extensions: string | string[], options: { key: string; compile?: (this: unknown) => (this: TemplateEngineContext, data: unknown) => Promise<string> }): void;
    setTemplateFormats(formats: string | string[]): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    on(event: "eleventy.after", handler: (args: EleventyEventArgs) => unknown): void;
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
    watch(): Promise<void>;
    serve(port?: number): Promise<void>;
    stopWatch(): Promise<void>;
  }
}

export declare const repoRoot: string;
export declare const fixturesDir: string;
export declare function seedArticlePath(): string;
export declare function fixtureNames(): string[];
export declare function startPageServer(options?: {
  port?: number;
  extra?: Record<string, string>;
  savedPageCsp?: string;
}): Promise<{ origin: string; close(): Promise<void> }>;

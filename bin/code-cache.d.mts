// Types of bin/code-cache.mjs for the TypeScript that uses it (tests, the process bench).
export const COMMANDS: readonly string[];
export function codeCacheDir(env?: NodeJS.ProcessEnv): string | null;
export function buildIdOf(source: string): string | null;
export function readCache(file: string, build: string): Buffer | undefined;
export function writeCache(file: string, build: string, data: Buffer): boolean;
export function loadBundle(file: string, name: string, env?: NodeJS.ProcessEnv): { exports: Record<string, unknown>; save(): 'used' | 'written' | 'unwritable' | 'off' };
export function cacheNameOf(argv: string[]): string;

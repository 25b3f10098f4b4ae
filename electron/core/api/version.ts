/** The app's version, read once from the package.json above this file (source tree or packaged app). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function appVersion(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'huibian' && pkg.version) return (cached = pkg.version);
      } catch {}
    }
    dir = path.dirname(dir);
  }
  return (cached = process.env.npm_package_version ?? '0.0.0');
}

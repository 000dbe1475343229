/**
 * A throw-away copy of the project for tests that edit content or run Astro on it: sources, config,
 * content/ and public/ copied, node_modules linked. The copy has its own .astro/ folder, which matters:
 * a dev server keeps its content data store there and reloads it when another process rewrites it,
 * so two Astro processes on different content must never share a project folder.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './paths.ts';

const COPIED = [
  'src',
  'admin',
  'scripts',
  'content',
  'public',
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  '.npmrc',
];

/** Copies the project into a new temporary folder named `<prefix>…` and returns its path. */
export function copyProject(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const item of COPIED) {
    if (existsSync(join(projectRoot, item))) cpSync(join(projectRoot, item), join(dir, item), { recursive: true });
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // Where the CMS puts uploads; they may not exist in a fresh clone.
  mkdirSync(join(dir, 'public', 'uploads'), { recursive: true });
  mkdirSync(join(dir, 'src', 'assets', 'uploads'), { recursive: true });
  return dir;
}

/**
 * The file rules, for the build (index.ts, before Astro reads any content) and the content check:
 *
 * - no symbolic links under content/, public/ or src/assets/uploads/: a link would publish (or feed the
 *   build) a file from anywhere on the machine that builds the site;
 * - every upload has an allowed type, name and size (src/schema/uploads.ts);
 * - every file an entry names (a material's /uploads/ file, a cover image) resolves, with `..` and links
 *   resolved, inside the folder it belongs to.
 */
import { existsSync, lstatSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  MAX_UPLOAD_LABEL,
  UPLOAD_FOLDERS,
  UPLOAD_TYPES,
  ASSET_IMAGE_TYPES,
  uploadProblem,
} from '../../schema/uploads.ts';
import type { Refused } from './refusal.ts';

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Folders the build publishes or reads content from, relative to the project root. */
export function guardedFolders(root: string, contentDir: string): string[] {
  return [path.resolve(root, contentDir), path.join(root, 'public'), path.join(root, UPLOAD_FOLDERS.assets.dir)];
}

/** Every symbolic link under the given folders (links are reported, never followed). */
export function symlinkProblems(root: string, folders: readonly string[]): Refused[] {
  const out: Refused[] = [];
  const visit = (abs: string) => {
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) {
      let target = '?';
      try {
        target = readlinkSync(abs);
      } catch {
        /* unreadable link: still refused */
      }
      out.push({
        file: toPosix(path.relative(root, abs)),
        message: `this is a symbolic link (to ${target}); links are not allowed in content, public/ or uploads, because the build would publish or read whatever they point at`,
        hint: 'replace the link by a copy of the file itself, or remove it',
      });
      return;
    }
    if (st.isDirectory()) for (const name of readdirSync(abs).sort()) visit(path.join(abs, name));
  };
  for (const folder of folders) visit(folder);
  return out;
}

/** Every file in an upload folder whose type, name or size is not allowed. Links are left to symlinkProblems(). */
export function uploadProblems(root: string): Refused[] {
  const out: Refused[] = [];
  for (const key of Object.keys(UPLOAD_FOLDERS) as (keyof typeof UPLOAD_FOLDERS)[]) {
    const dir = path.join(root, UPLOAD_FOLDERS[key].dir);
    const visit = (abs: string) => {
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) return;
      if (st.isDirectory()) {
        for (const name of readdirSync(abs).sort()) if (!name.startsWith('.')) visit(path.join(abs, name));
        return;
      }
      const problem = uploadProblem(path.basename(abs), st.size, key);
      if (problem)
        out.push({
          file: toPosix(path.relative(root, abs)),
          message: `this upload is not allowed: ${problem.en}`,
          hint: uploadFix(problem.code, key),
        });
    };
    if (existsSync(dir)) visit(dir);
  }
  return out;
}

function uploadFix(code: 'type' | 'size' | 'name', folder: keyof typeof UPLOAD_FOLDERS): string {
  const types = folder === 'assets' ? ASSET_IMAGE_TYPES.join(', ') : Object.keys(UPLOAD_TYPES).join(', ');
  if (code === 'type')
    return `remove the file, or save it as one of the allowed types (${types}) and upload that instead`;
  if (code === 'size')
    return `make the file smaller than ${MAX_UPLOAD_LABEL.en} (e.g. compress the PDF) or link to it from elsewhere, and remove this copy`;
  return 'rename the file with letters, digits, - and _ only (e.g. handout-workshop.pdf), and update the entries that use it';
}

/** Where a path ends up once `..` and links are resolved; undefined when it does not exist. */
function realOf(abs: string): string | undefined {
  try {
    return realpathSync(abs);
  } catch {
    return undefined;
  }
}

function isInside(folder: string, abs: string): boolean {
  const rel = path.relative(folder, abs);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export type Resolved =
  { ok: true; abs: string } | { ok: false; problem: string; hint: string; missing?: boolean; looked?: string };

/**
 * An uploaded file named by its web path (`/uploads/handout.pdf`), resolved inside public/uploads/.
 * Refuses a path that leaves the folder, before or after links are resolved.
 */
export function resolveUpload(webPath: string, root: string): Resolved {
  const prefix = UPLOAD_FOLDERS.public.urlPath;
  const name = webPath.startsWith(prefix) ? webPath.slice(prefix.length) : undefined;
  if (name === undefined || !name || /[\\/]/.test(name) || name === '.' || name === '..') {
    return {
      ok: false,
      problem: `"${webPath}" is not a file in ${prefix}`,
      hint: `choose an uploaded file, written as ${prefix}name.pdf (no folders, no "..")`,
    };
  }
  return resolveInside(
    path.join(root, UPLOAD_FOLDERS.public.dir),
    path.join(root, UPLOAD_FOLDERS.public.dir, name),
    webPath,
    root,
  );
}

/** A file that must lie inside one of `folders` (absolute), checked after normalisation and with links resolved. */
export function resolveInside(folder: string | readonly string[], abs: string, shown: string, root: string): Resolved {
  const folders = typeof folder === 'string' ? [folder] : folder;
  const normal = path.resolve(abs);
  const names = folders.map((f) => `${toPosix(path.relative(root, f)) || '.'}/`).join(' or ');
  if (!folders.some((f) => isInside(path.resolve(f), normal))) {
    return {
      ok: false,
      problem: `"${shown}" points outside ${names}`,
      hint: `use a file in ${names}; a path may not leave its folder with ".."`,
    };
  }
  const real = realOf(normal);
  if (!real)
    return {
      ok: false,
      missing: true,
      looked: toPosix(path.relative(root, normal)),
      problem: `"${shown}" does not exist`,
      hint: 'upload the file, or correct the file name',
    };
  if (!folders.some((f) => isInside(realOf(f) ?? path.resolve(f), real))) {
    return {
      ok: false,
      problem: `"${shown}" is a link to a file outside ${names}`,
      hint: 'replace the link by a copy of the file itself',
    };
  }
  if (!statSync(real).isFile())
    return { ok: false, problem: `"${shown}" is not a file`, hint: 'choose a file, not a folder' };
  return { ok: true, abs: real };
}

/**
 * An image an entry names: an upload (`/uploads/x.jpg`, in public/uploads/) or a path relative to the
 * entry that stays inside the content folder or src/assets/uploads/ (where the CMS puts cover images).
 */
export function resolveImage(value: string, entryAbs: string, root: string, contentDir: string): Resolved {
  if (value.startsWith('/')) return resolveUpload(value, root);
  const folders = [path.resolve(root, contentDir), path.join(root, UPLOAD_FOLDERS.assets.dir)];
  return resolveInside(folders, path.resolve(path.dirname(entryAbs), value), value, root);
}

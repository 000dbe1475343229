/**
 * Which files the local CMS backend may read, write and delete: exactly the entry files and upload
 * folders of the CMS configuration the editor's browser runs (admin/config, generated from src/schema),
 * and the upload folders of src/schema/uploads.ts. Everything else in the project (package.json, .git/,
 * scripts/, src/) is out of reach, whatever path a request names.
 *
 * Paths arrive relative to the project folder, as the CMS sends them. A path is checked on its text first
 * (no `..`, no absolute path, no backslash) and then on disk: no component of it may be a symbolic link,
 * so a link planted in content/ can never lead a write or a read elsewhere.
 */
import { lstatSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfig } from '../../../admin/config/index.ts';
import { LOCAL_BACKEND_URL } from '../../../admin/config/backend.ts';
import { slugPattern } from '../../../src/schema/common.ts';
import { UPLOAD_FOLDERS } from '../../../src/schema/uploads.ts';

export type UploadFolderKey = keyof typeof UPLOAD_FOLDERS;

/** A folder collection: entries are `<folder>/<locale>/<slug>.<extension>` or, without locales, `<folder>/<slug>.<extension>`. */
export interface EntryFolder {
  collection: string;
  folder: string;
  extension: string;
  locales: readonly string[] | undefined;
}

export interface CmsLayout {
  folders: EntryFolder[];
  /** Single-file collections (site settings): collection name and file path. */
  files: { collection: string; path: string }[];
  /** Upload folders, relative to the project: the key says which upload rules apply (uploadProblem). */
  media: { key: UploadFolderKey; dir: string }[];
}

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, '');

/** The layout of the CMS configuration the browser runs (the same generator, the same options). */
export function cmsLayout(config = buildConfig({ localBackendUrl: LOCAL_BACKEND_URL })): CmsLayout {
  const locales = config.i18n.structure === 'multiple_folders' ? config.i18n.locales : undefined;
  const folders: EntryFolder[] = [];
  const files: CmsLayout['files'] = [];
  for (const c of config.collections) {
    if (c.folder && c.extension)
      folders.push({
        collection: c.name,
        folder: trimSlashes(c.folder),
        extension: c.extension,
        locales: c.i18n ? locales : undefined,
      });
    for (const f of c.files ?? []) files.push({ collection: c.name, path: trimSlashes(f.file) });
  }
  const media = (Object.keys(UPLOAD_FOLDERS) as UploadFolderKey[]).map((key) => ({
    key,
    dir: UPLOAD_FOLDERS[key].dir,
  }));
  // Every media folder the CMS is configured with must be one the backend accepts uploads in (fail closed).
  for (const dir of [config.media_folder, ...config.collections.map((c) => c.media_folder)]) {
    if (dir && !media.some((m) => m.dir === trimSlashes(dir)))
      throw new Error(`CMS media folder "${dir}" is not an upload folder of src/schema/uploads.ts`);
  }
  return { folders, files, media };
}

/** Where entries and uploads may go, for refusal messages. */
export function describeLayout(layout: CmsLayout): string {
  const entries = layout.folders.map(
    (f) => `${f.folder}/${f.locales ? `{${f.locales.join(',')}}/` : ''}<slug>.${f.extension}`,
  );
  return `entries: ${[...entries, ...layout.files.map((f) => f.path)].join(', ')}; uploads: ${layout.media.map((m) => `${m.dir}/<name>`).join(', ')}`;
}

/** Why a path is not a plain relative path inside the project (text only), or undefined. */
export function shapeProblem(path: unknown): string | undefined {
  if (typeof path !== 'string' || path === '') return 'a path must be a non-empty string';
  if (path.includes('\0') || path.includes('\\')) return `"${path}" contains a NUL or a backslash`;
  if (path.startsWith('/')) return `"${path}" is absolute; paths are relative to the project folder`;
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return `"${path}" has an empty, "." or ".." component`;
  return undefined;
}

/** The collection an entry file belongs to, or undefined when the path is not an entry file of the CMS. */
export function entryCollection(path: string, layout: CmsLayout): string | undefined {
  const single = layout.files.find((f) => f.path === path);
  if (single) return single.collection;
  for (const f of layout.folders) {
    if (!path.startsWith(`${f.folder}/`)) continue;
    const rest = path.slice(f.folder.length + 1).split('/');
    const name = f.locales
      ? rest.length === 2 && f.locales.includes(rest[0]!)
        ? rest[1]!
        : undefined
      : rest.length === 1
        ? rest[0]!
        : undefined;
    if (name?.endsWith(`.${f.extension}`) && slugPattern.test(name.slice(0, -f.extension.length - 1)))
      return f.collection;
  }
  return undefined;
}

/** The upload folder a file sits directly in (never in a subfolder), or undefined. Dot files are not uploads. */
export function mediaFolderOf(path: string, layout: CmsLayout): CmsLayout['media'][number] | undefined {
  const folder = layout.media.find((m) => path.startsWith(`${m.dir}/`));
  const name = folder && path.slice(folder.dir.length + 1);
  return name && !name.includes('/') && !name.startsWith('.') ? folder : undefined;
}

/**
 * Why `path` cannot be used on disk under `root` (the project's real path), or undefined: a component
 * that exists must not be a symbolic link, and what exists of the path must resolve inside `root`.
 * Components that do not exist yet are fine (a new entry, a new locale folder).
 */
export function diskProblem(root: string, path: string): string | undefined {
  let current = root;
  for (const part of path.split('/')) {
    current = join(current, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      return `"${path}" cannot be checked: ${(err as Error).message}`;
    }
    if (isLink)
      return `"${path}" goes through a symbolic link (${current.slice(root.length + 1)}); the CMS never follows links`;
    if (realpathSync(current) !== current) return `"${path}" does not resolve inside the project folder`;
  }
  return undefined;
}

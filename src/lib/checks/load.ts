/**
 * Finds and reads every content file: the entries of each collection in the registry
 * (src/schema/index.ts) and content/settings/site.yaml. Frontmatter is split off and read by the
 * same module the build's content loader uses (src/integrations/content-guard/), so the data validated
 * here is the data Astro builds from.
 *
 * Files Astro would not load (content-guard/content-files.ts) are reported, never skipped silently.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { collections, collectionNames, type CollectionName } from '../../schema/index.ts';
import { baseOf, extOf, listContentFiles, listFiles } from '../../integrations/content-guard/content-files.ts';
import { readFrontmatter } from '../../integrations/content-guard/frontmatter.ts';
import { readYaml } from '../../integrations/content-guard/yaml.ts';
import type { ContentError, ContentFile, ContentWarning, LoadedContent, Locale } from './types.ts';

export { LOCALES } from '../../integrations/content-guard/content-files.ts';
export const SETTINGS_FILE = 'settings/site.yaml';

/** Extensions of files that look like content (for the settings folder). */
const CONTENT_LIKE = new Set(['md', 'mdx', 'markdown', 'yaml', 'yml', 'json', 'toml']);

export interface LoadOptions {
  /** Project root (the folder holding content/ and public/), or a content folder itself. Default: cwd. */
  root?: string;
  /** Content folder; default <root>/content. */
  contentDir?: string;
}

/**
 * Work out project root and content folder from what the user passed: a project root (has content/)
 * or a content folder (has collection folders or settings/).
 */
export function resolveRoots(options: LoadOptions = {}): { root: string; contentDir: string } {
  const given = path.resolve(options.root ?? process.cwd());
  if (options.contentDir) return { root: given, contentDir: path.resolve(given, options.contentDir) };
  if (existsSync(path.join(given, 'content'))) return { root: given, contentDir: path.join(given, 'content') };
  const looksLikeContent = ['settings', ...collectionNames.map((n) => collections[n].folder)].some((f) =>
    existsSync(path.join(given, f)),
  );
  if (looksLikeContent) return { root: path.dirname(given), contentDir: given };
  return { root: given, contentDir: path.join(given, 'content') };
}

const toPosix = (p: string) => p.split(path.sep).join('/');

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Read one file into a ContentFile, reporting unreadable frontmatter/YAML. */
export function readContentFile(
  abs: string,
  root: string,
  meta: Pick<ContentFile, 'collection' | 'format' | 'lang'>,
  errors: ContentError[],
): ContentFile {
  return parseContentFile(readFileSync(abs, 'utf8'), abs, toPosix(path.relative(root, abs)), meta, errors);
}

/** Split and parse a file's text (exported for tests: no disk access). */
export function parseContentFile(
  source: string,
  abs: string,
  file: string,
  meta: Pick<ContentFile, 'collection' | 'format' | 'lang'>,
  errors: ContentError[],
): ContentFile {
  const fileName = path.basename(abs);
  const base: ContentFile = {
    ...meta,
    slug: baseOf(fileName),
    fileName,
    ext: extOf(fileName),
    file,
    absPath: abs,
    source,
    data: undefined,
    yaml: '',
    yamlLine: 1,
  };

  if (meta.format === 'yaml') {
    base.yaml = source;
    const read = readYaml(source);
    base.locate = read.locate;
    base.asWritten = read.asWritten;
    if (read.problems.length) {
      for (const p of read.problems)
        errors.push({ check: 'load', file, line: p.line, column: p.column, message: p.message, hint: p.hint });
    } else if (!isPlainObject(read.value)) {
      errors.push({
        check: 'load',
        file,
        line: 1,
        column: 1,
        message: 'this file does not contain a list of fields (name: value)',
        hint: 'write one field per line, e.g. `title: My handout`',
      });
    } else {
      base.data = read.value;
    }
    return base;
  }

  // MDX: split and read the frontmatter exactly as the build does (src/integrations/content-guard/frontmatter.ts).
  const fm = readFrontmatter(source);
  Object.assign(base, {
    yaml: fm.yaml,
    yamlLine: fm.yamlLine,
    body: fm.body,
    bodyLine: fm.bodyLine,
    bodyColumn: fm.bodyColumn,
    locate: fm.locate,
    asWritten: fm.asWritten,
  });
  for (const p of fm.problems)
    errors.push({ check: 'load', file, line: p.line, column: p.column, message: p.message, hint: p.hint });
  base.data = fm.data;
  return base;
}

/** Find and read all content. */
export function loadContent(options: LoadOptions = {}): LoadedContent {
  const { root, contentDir } = resolveRoots(options);
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  const entries: ContentFile[] = [];
  const rel = (abs: string) => toPosix(path.relative(root, abs));
  const loaded: LoadedContent = { root, contentDir, publicDir: path.join(root, 'public'), entries, errors, warnings };

  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    errors.push({
      check: 'load',
      file: rel(contentDir) || '.',
      message: 'the content folder does not exist',
      hint: 'pass the project folder (which holds content/) or the content folder itself',
    });
    return loaded;
  }

  const listed = listContentFiles(root, contentDir);
  for (const p of listed.refused) errors.push({ check: 'load', ...p });
  for (const e of listed.entries)
    entries.push(readContentFile(e.abs, root, { collection: e.collection, format: e.format, lang: e.lang }, errors));
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  // Settings: one required file.
  const settingsAbs = path.join(contentDir, SETTINGS_FILE);
  if (existsSync(settingsAbs)) {
    loaded.settings = readContentFile(settingsAbs, root, { collection: 'settings', format: 'yaml' }, errors);
  } else {
    errors.push({
      check: 'load',
      file: rel(settingsAbs),
      message: 'the site settings file is missing',
      hint: 'restore content/settings/site.yaml (site name, mission, contact e-mail, organisation, website)',
    });
  }
  for (const relPath of listFiles(path.join(contentDir, 'settings'))) {
    if (relPath !== 'site.yaml' && CONTENT_LIKE.has(extOf(relPath))) {
      warnings.push({
        check: 'load',
        file: rel(path.join(contentDir, 'settings', relPath)),
        message: 'this file is not read by the site: the settings are only in site.yaml',
        hint: 'move its contents into site.yaml, or delete it',
      });
    }
  }

  // Anything else at the top of content/ is not read.
  const known = new Set(['settings', ...collectionNames.map((n) => collections[n].folder)]);
  for (const name of readdirSync(contentDir).sort()) {
    if (name.startsWith('.') || known.has(name)) continue;
    warnings.push({
      check: 'load',
      file: rel(path.join(contentDir, name)),
      message: 'this is not a content collection, so the site does not read it',
      hint: `content belongs in one of: ${[...known].join(', ')}`,
    });
  }
  return loaded;
}

/** The entries of one collection (optionally one language). */
export function entriesOf(loaded: LoadedContent, collection: CollectionName, lang?: Locale): ContentFile[] {
  return loaded.entries.filter((e) => e.collection === collection && (lang === undefined || e.lang === lang));
}

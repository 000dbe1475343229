/**
 * Finds and reads every content file: the entries of each collection in the registry
 * (src/schema/index.ts) and content/settings/site.yaml. Frontmatter is split off and parsed with
 * js-yaml exactly as Astro does, so the data validated here is the data Astro builds from.
 *
 * Files Astro would not load (a .md file among .mdx entries, an entry outside nl/ and en/, a .yml
 * material) are reported, never skipped silently. Other files (images next to entries) are assets.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { collections, collectionNames, type CollectionName } from '../../schema/index.ts';
import type { ContentError, ContentFile, ContentWarning, LoadedContent, Locale } from './types.ts';

export const LOCALES: readonly Locale[] = ['nl', 'en'];
export const SETTINGS_FILE = 'settings/site.yaml';

/** Extensions of files that look like content: in the wrong place they are errors, not assets. */
const CONTENT_LIKE = new Set(['md', 'mdx', 'markdown', 'yaml', 'yml', 'json', 'toml']);

/** Same frontmatter pattern as Astro (@astrojs/internal-helpers/frontmatter). */
const FRONTMATTER_RE = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

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

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** All files under dir (recursive), skipping dot-files and dot-folders. Paths relative to dir. */
function listFiles(dir: string, prefix = ''): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const abs = path.join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    if (statSync(abs).isDirectory()) out.push(...listFiles(abs, rel));
    else out.push(rel);
  }
  return out;
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function baseOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

interface YamlProblem {
  line?: number;
  column?: number;
  reason: string;
}

function parseYaml(text: string, firstLine: number): { value: unknown; problem?: YamlProblem } {
  try {
    return { value: yaml.load(text) };
  } catch (err) {
    const e = err as { reason?: string; message?: string; mark?: { line: number; column: number } };
    return {
      value: undefined,
      problem: {
        reason: e.reason ?? e.message ?? String(err),
        line: e.mark ? firstLine + e.mark.line : undefined,
        column: e.mark ? e.mark.column + 1 : undefined,
      },
    };
  }
}

const YAML_HINT =
  'check this line and the one above it: a value that contains a colon (:) or starts with a quote, *, & or # must be ' +
  'put in quotes ("..."); list items start with "- " at the same indentation; indent with spaces, never tabs';

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
    const { value, problem } = parseYaml(source, 1);
    if (problem) {
      errors.push({ check: 'load', file, line: problem.line, column: problem.column, message: `this YAML file could not be read: ${problem.reason}`, hint: YAML_HINT });
    } else if (!isPlainObject(value)) {
      errors.push({ check: 'load', file, line: 1, column: 1, message: 'this file does not contain a list of fields (name: value)', hint: 'write one field per line, e.g. `title: My handout`' });
    } else {
      base.data = value;
    }
    return base;
  }

  // MDX: split frontmatter the way Astro does.
  const match = FRONTMATTER_RE.exec(source);
  if (!match) {
    base.body = source;
    base.bodyLine = 1;
    base.bodyColumn = 1;
    errors.push({
      check: 'load',
      file,
      line: 1,
      column: 1,
      message: 'this file has no frontmatter (the block of fields between two --- lines at the top)',
      hint: 'start the file with a line ---, then the fields (title: ..., summary: ...), then another line ---',
    });
    return base;
  }
  const raw = match[1] ?? '';
  const end = match.index + match[0].length;
  const rawStart = end - 3 - raw.length;
  base.yaml = raw;
  base.yamlLine = lineOf(source, rawStart);
  base.body = source.slice(end);
  base.bodyLine = lineOf(source, end);
  base.bodyColumn = end - (source.lastIndexOf('\n', end - 1) + 1) + 1;
  if (match[0].trimStart().replace(/^\uFEFF/, '').startsWith('+++')) {
    errors.push({ check: 'load', file, line: base.yamlLine, column: 1, message: 'the frontmatter uses +++ (TOML)', hint: 'write the frontmatter in YAML between two --- lines, as in the other entries' });
    return base;
  }
  const { value, problem } = parseYaml(raw, base.yamlLine);
  if (problem) {
    errors.push({ check: 'load', file, line: problem.line, column: problem.column, message: `the frontmatter could not be read: ${problem.reason}`, hint: YAML_HINT });
  } else if (value === undefined || value === null) {
    base.data = {};
  } else if (!isPlainObject(value)) {
    errors.push({ check: 'load', file, line: base.yamlLine, column: 1, message: 'the frontmatter is not a list of fields (name: value)', hint: 'write one field per line between the --- lines, e.g. `title: My page`' });
  } else {
    base.data = value;
  }
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
    errors.push({ check: 'load', file: rel(contentDir) || '.', message: 'the content folder does not exist', hint: 'pass the project folder (which holds content/) or the content folder itself' });
    return loaded;
  }

  for (const name of collectionNames) {
    const def = collections[name];
    const dir = path.join(contentDir, def.folder);
    for (const relPath of listFiles(dir)) {
      const abs = path.join(dir, relPath);
      const parts = relPath.split('/');
      const fileName = parts[parts.length - 1]!;
      const ext = extOf(fileName);
      if (def.format === 'mdx') {
        const lang = parts.length === 2 && (LOCALES as readonly string[]).includes(parts[0]!) ? (parts[0] as Locale) : undefined;
        if (lang && ext === 'mdx') {
          entries.push(readContentFile(abs, root, { collection: name, format: 'mdx', lang }, errors));
        } else if (CONTENT_LIKE.has(ext)) {
          const where = `${toPosix(path.relative(root, dir))}`;
          if (lang) {
            errors.push({
              check: 'load',
              file: rel(abs),
              message: `this .${ext} file is not read by the site: in ${def.folder}/ only .mdx files are content`,
              hint: ext === 'md' || ext === 'markdown' ? `rename it to ${baseOf(fileName)}.mdx` : 'remove it, or move it out of the content folder',
            });
          } else {
            errors.push({
              check: 'load',
              file: rel(abs),
              message: 'this file is not in a language folder, so the site does not read it',
              hint: `move it to ${where}/nl/ (Dutch) or ${where}/en/ (English), directly in that folder`,
            });
          }
        }
      } else {
        if (parts.length === 1 && (ext === 'yaml' || ext === 'yml')) {
          entries.push(readContentFile(abs, root, { collection: name, format: 'yaml' }, errors));
          if (ext === 'yml') {
            errors.push({
              check: 'load',
              file: rel(abs),
              message: 'the site reads only files ending in .yaml here: this .yml file is not published',
              hint: `rename it to ${baseOf(fileName)}.yaml`,
            });
          }
        } else if (CONTENT_LIKE.has(ext)) {
          errors.push({
            check: 'load',
            file: rel(abs),
            message: `this file is not read by the site: ${def.folder} are .yaml files directly in ${toPosix(path.relative(root, dir))}/`,
            hint: parts.length > 1 ? `move it to ${toPosix(path.relative(root, dir))}/ as a .yaml file` : `convert it to a .yaml file named ${baseOf(fileName)}.yaml`,
          });
        }
      }
    }
  }
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
      warnings.push({ check: 'load', file: rel(path.join(contentDir, 'settings', relPath)), message: 'this file is not read by the site: the settings are only in site.yaml', hint: 'move its contents into site.yaml, or delete it' });
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

/** Shared types of the content checks. */
import type { CollectionName } from '../../schema/index.ts';

/** Which check found a problem. */
export type CheckName = 'load' | 'schema' | 'reference' | 'translation' | 'slug' | 'guard' | 'file';

/**
 * One problem in the content, written for editors. `file` is relative to the project root
 * (e.g. `content/practices/nl/x.mdx`); `line`/`column` are 1-based positions in that file.
 */
export interface ContentError {
  file: string;
  /** Readable path of the frontmatter field, e.g. `sessions[0].end` or `cover.alt`. */
  field?: string;
  line?: number;
  column?: number;
  /** What is wrong. */
  message: string;
  /** How to fix it (printed after "Fix: "). */
  hint: string;
  check: CheckName;
}

/** Same shape as an error; printed but does not fail the build. */
export type ContentWarning = ContentError;

export type Locale = 'nl' | 'en';

/** One content file as read from disk, before validation. */
export interface ContentFile {
  /** Collection name, or `settings` for content/settings/site.yaml. */
  collection: CollectionName | 'settings';
  format: 'mdx' | 'yaml';
  /** Language folder of an MDX entry. */
  lang?: Locale;
  /** File name without extension, exactly as on disk (may be invalid; slugs.ts reports that). */
  slug: string;
  /** File name with extension. */
  fileName: string;
  /** Extension without dot, lowercase (`mdx`, `yaml`, `yml`). */
  ext: string;
  /** Path relative to the project root, with forward slashes. */
  file: string;
  /** Absolute path. */
  absPath: string;
  /** Whole file text. */
  source: string;
  /**
   * Parsed frontmatter (MDX) or document (YAML); undefined when it could not be read (the reason is
   * already an error from load.ts).
   */
  data: Record<string, unknown> | undefined;
  /** The YAML text (frontmatter without the --- lines, or the whole YAML file). */
  yaml: string;
  /** 1-based line in the file where `yaml` starts. */
  yamlLine: number;
  /** File line and column of a field (the deepest part of the path found), from the YAML reader. */
  locate?: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;
  /** The fields read with dates left as written. */
  asWritten?: () => unknown;
  /** MDX body (everything after the closing ---). */
  body?: string;
  /** 1-based line and column in the file where `body` starts. */
  bodyLine?: number;
  bodyColumn?: number;
}

export interface LoadedContent {
  /** Absolute project root: file paths in errors are relative to it. */
  root: string;
  /** Absolute content folder (usually <root>/content). */
  contentDir: string;
  /** Absolute public folder (<root>/public), where /uploads/ files live. */
  publicDir: string;
  /** Every entry of every collection (including files with bad names: slugs.ts reports those). */
  entries: ContentFile[];
  /** content/settings/site.yaml, if present. */
  settings?: ContentFile;
  /** Problems found while reading (unreadable YAML, stray files, missing settings). */
  errors: ContentError[];
  warnings: ContentWarning[];
}

export interface MissingTranslation {
  collection: CollectionName;
  slug: string;
  /** The Dutch file that has no English twin. */
  file: string;
}

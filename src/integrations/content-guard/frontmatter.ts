/**
 * The frontmatter of an MDX file, split and read once for the build and the content check.
 *
 * The MDX compiler (@astrojs/mdx 8, vite-plugin-mdx.js) splits the file with Astro's frontmatter pattern
 * (@astrojs/internal-helpers/frontmatter): `---` or `+++` at the top, up to the first `---` or `+++`.
 * It reads the block with js-yaml (or TOML after `+++`) and acts on one key: `layout`, which it turns
 * into an `import` that runs at build. When the opening and closing lines differ (`---` … `+++`) it
 * cannot remove the block, so the YAML is compiled as MDX body, expressions included.
 *
 * So the file is split here with that same pattern, and refused (with line and column) unless the
 * block is YAML between two lines that are exactly `---`, the YAML passes the content rules (yaml.ts),
 * and it has no key the compiler acts on. The build then hands the compiler this reader's result
 * (vite-plugin.ts), so the compiler never reads the editor's YAML itself.
 */
import { createHash } from 'node:crypto';
import { readYaml, type YamlProblem } from './yaml.ts';

/** Same pattern as Astro's (@astrojs/internal-helpers/frontmatter), so both split a file at the same place. */
const ASTRO_FRONTMATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;

/** Top-level keys the MDX compiler acts on (satteri mdx/create-processor.js: `layout` becomes an import). */
export const COMPILER_KEYS: readonly string[] = ['layout'];

export interface Frontmatter {
  /** Parsed fields; undefined when there are problems. `{}` for an empty block. */
  data: Record<string, unknown> | undefined;
  /** Problems with 1-based file positions. */
  problems: YamlProblem[];
  /** The YAML text between the delimiter lines. */
  yaml: string;
  /** File line where `yaml` starts. */
  yamlLine: number;
  /** Everything after the closing delimiter, and where it starts in the file. */
  body: string;
  bodyLine: number;
  bodyColumn: number;
  /** File position of the deepest node along a field path. */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;
  /** The fields with dates left as written. */
  asWritten: () => unknown;
  /** Offsets of the block in the file: [start of opening delimiter, end of closing delimiter]. */
  span?: [number, number];
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

const NO_FRONTMATTER: YamlProblem = {
  line: 1,
  column: 1,
  message: 'this file has no frontmatter (the block of fields between two --- lines at the top)',
  hint: 'start the file with a line ---, then the fields (title: ..., summary: ...), then another line ---',
};

/** Split an MDX file and read its frontmatter under the content rules. Never throws. */
export function readFrontmatter(source: string): Frontmatter {
  const none = { yaml: '', yamlLine: 1, locate: () => undefined, asWritten: () => undefined };
  const match = ASTRO_FRONTMATTER.exec(source);
  if (!match) {
    // Astro would compile the whole file as body; an opening --- without its closing line is YAML compiled as MDX.
    const opened = /^\uFEFF?\s*(---|\+\+\+)/.exec(source);
    const problem = opened
      ? {
          line: lineOf(source, opened[0].length - 3),
          column: 1,
          message: `the frontmatter opened with ${opened[1]} is never closed`,
          hint: 'end the block of fields with a line ---',
        }
      : NO_FRONTMATTER;
    return { ...none, data: undefined, problems: [problem], body: source, bodyLine: 1, bodyColumn: 1 };
  }
  const raw = match[1]!;
  const end = match.index + match[0].length;
  const rawStart = end - 3 - raw.length;
  const openAt = rawStart - 3;
  const open = source.slice(openAt, rawStart);
  const close = source.slice(end - 3, end);
  const yamlLine = lineOf(source, rawStart);
  const base = {
    yaml: raw,
    yamlLine,
    body: source.slice(end),
    bodyLine: lineOf(source, end),
    bodyColumn: end - (source.lastIndexOf('\n', end - 1) + 1) + 1,
    span: [openAt, end] as [number, number],
  };
  const problems: YamlProblem[] = [];
  const openLine = lineOf(source, openAt);
  const closeLine = base.bodyLine;
  if (open === '+++') {
    problems.push({
      line: openLine,
      column: 1,
      message: 'the frontmatter starts with +++ (TOML)',
      hint: 'write the fields in YAML between two lines ---, as in the other entries',
    });
  } else if (close !== '---') {
    problems.push({
      line: closeLine,
      column: 1,
      message: `the frontmatter starts with --- but ends with ${close}, so the fields would be read as text and code`,
      hint: 'end the block of fields with a line ---',
    });
  }
  // The delimiters must be lines of their own: text after them would be read as part of the fields or the body.
  if (!/^\r?\n/.test(raw))
    problems.push({
      line: openLine,
      column: 4,
      message: `the line ${open} at the top has text after it`,
      hint: `put nothing after ${open} on its line; start the fields on the next line`,
    });
  if (!/^[ \t]*(\r?\n|$)/.test(base.body))
    problems.push({
      line: closeLine,
      column: base.bodyColumn,
      message: `the closing line ${close} has text after it`,
      hint: `put nothing after ${close} on its line; start the text on the next line`,
    });
  if (problems.length) return { ...none, ...base, data: undefined, problems };

  const read = readYaml(raw, 'the frontmatter');
  const toFile = (p: { line: number; column: number }) => ({ line: yamlLine + p.line - 1, column: p.column });
  const locate = (path: readonly PropertyKey[]) => {
    const p = read.locate(path);
    return p && toFile(p);
  };
  const result = { ...base, locate, asWritten: read.asWritten };
  if (read.problems.length) {
    return {
      ...result,
      data: undefined,
      problems: read.problems.map((p) => ({
        ...p,
        ...(p.line ? toFile({ line: p.line, column: p.column ?? 1 }) : {}),
      })),
    };
  }
  if (read.value === undefined || read.value === null) return { ...result, data: {}, problems };
  if (!isPlainObject(read.value)) {
    return {
      ...result,
      data: undefined,
      problems: [
        {
          line: yamlLine,
          column: 1,
          message: 'the frontmatter is not a list of fields (name: value)',
          hint: 'write one field per line between the --- lines, e.g. `title: My page`',
        },
      ],
    };
  }
  for (const key of COMPILER_KEYS) {
    if (Object.hasOwn(read.value, key)) {
      problems.push({
        ...(locate([key]) ?? { line: yamlLine, column: 1 }),
        message: `"${key}" is not a field of any content type: the MDX compiler would import and run the file it names`,
        hint: `remove the line "${key}: ..."; the site chooses the page layout itself`,
      });
    }
  }
  return problems.length ? { ...result, data: undefined, problems } : { ...result, data: read.value, problems };
}

/**
 * The file as the MDX compiler may see it: the frontmatter replaced by this reader's fields as JSON
 * (which every YAML reader reads the same way), on as many lines as before, so positions in the body
 * stay where they were. Only for a file without problems.
 */
export function withCanonicalFrontmatter(source: string, fm: Frontmatter): string {
  if (!fm.span || !fm.data) return source;
  return spliced(source, canonicalBlock(fm));
}

/** What replaces a file's frontmatter block: the JSON of the fields, on as many lines as the YAML had. */
interface CanonicalBlock {
  span: [number, number];
  json: string;
  newlines: number;
}

function canonicalBlock(fm: Frontmatter): CanonicalBlock {
  // Characters JSON leaves as they are but a YAML reader may refuse or read as a line break: escaped.
  const json = JSON.stringify(fm.data).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return { span: fm.span!, json, newlines: fm.yaml.split('\n').length - 1 };
}

const spliced = (source: string, { span: [from, to], json, newlines }: CanonicalBlock) =>
  `${source.slice(0, from)}---${json}${'\n'.repeat(newlines)}---${source.slice(to)}`;

/**
 * Blocks of files read without problems in this process, by a hash of the whole file. The build reads every entry
 * twice, in the same process: the collection loader first, then the compiler's input (vite-plugin.ts); the second
 * read of an unchanged file takes the first one's result instead of parsing the YAML again. Only the small block is
 * kept, not the parsed document with its positions (memory: about 1 KB an entry).
 */
const readWithoutProblems: Map<string, CanonicalBlock> = ((globalThis as Record<symbol, unknown>)[
  // One map per process, not per module instance: the loader runs in Vite's module runner (content.config.ts), the
  // compiler's input plugin in Node's own module graph (astro.config.mjs), and each has its own copy of this module.
  Symbol.for('samen-hier.frontmatter-read-without-problems')
] ??= new Map()) as Map<string, CanonicalBlock>;
const digest = (source: string) => createHash('sha256').update(source).digest('base64');

/** Reads a file's frontmatter (once per content in this process) and notes it when it has no problems. */
export function readFrontmatterOnce(source: string): Frontmatter {
  const fm = readFrontmatter(source);
  if (!fm.problems.length && fm.span && fm.data) readWithoutProblems.set(digest(source), canonicalBlock(fm));
  return fm;
}

/**
 * The file as the compiler gets it (frontmatter as JSON of what this reader read), or the problems that refuse it.
 * A file already read without problems (`readFrontmatterOnce`, the loader) is not parsed again.
 */
export function compilerInput(source: string): { code: string; problems: [] } | { problems: YamlProblem[] } {
  const block = readWithoutProblems.get(digest(source));
  if (block) return { code: spliced(source, block), problems: [] };
  const fm = readFrontmatter(source);
  return fm.problems.length ? { problems: fm.problems } : { code: withCanonicalFrontmatter(source, fm), problems: [] };
}

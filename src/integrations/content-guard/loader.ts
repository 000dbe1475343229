/**
 * The collections' loader: Astro's glob() loader, with each entry's data read by the content guard
 * instead of Astro's own YAML reader. For every file it loads, before the data is validated and stored:
 *
 * - the file must lie inside the content folder once links are resolved;
 * - the frontmatter (MDX) or document (YAML) is read with yaml.ts / frontmatter.ts, and the file is
 *   refused, with line and column, on anything those refuse (aliases, tags, prototype keys, `layout`,
 *   mismatched delimiters);
 * - a field the collection's schema does not define is refused with its line (the schema is strict);
 * - the images it names must resolve inside the content folder, src/assets/uploads/ or public/uploads/;
 * - the data handed to the collection's (strict) schema is this reader's, so the build validates and
 *   stores exactly what the content check validated.
 */
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { collections, type CollectionName } from '../../schema/index.ts';
import { fieldMeta } from '../../schema/field.ts';
import { findFields, occurrences, formatPath, type SchemaPath } from '../../schema/zod-walk.ts';
import { ENTRY_PATTERNS } from './content-files.ts';
import { resolveImage } from './files.ts';
import { readFrontmatterOnce } from './frontmatter.ts';
import { refusal, type Refused } from './refusal.ts';
import { readYaml } from './yaml.ts';
import { unknownFields } from '../../lib/checks/schema.ts';

const shapes = new Map<CollectionName, { schema: z.ZodType; images: SchemaPath[] }>();

/** A collection's schema (images as plain text) and where its entries name images, once per collection. */
function shapeOf(name: CollectionName) {
  let shape = shapes.get(name);
  if (!shape) {
    const schema = collections[name].schema({ image: () => z.string() });
    const images = findFields(schema, (node) => (fieldMeta(node)?.widget === 'image' ? true : undefined)).map(
      (f) => f.path,
    );
    shape = { schema, images };
    shapes.set(name, shape);
  }
  return shape;
}

/** Read one entry file under the content rules; returns its data or the problems. */
export function readEntry(
  name: CollectionName,
  abs: string,
  root: string,
  contentDir: string,
): { data?: Record<string, unknown>; problems: Refused[] } {
  const file = path.relative(root, abs).split(path.sep).join('/');
  const real = realpathSync(abs);
  const folder = realpathSync(contentDir);
  if (path.relative(folder, real).startsWith('..')) {
    return {
      problems: [
        {
          file,
          message: `this entry is a link to ${real}, outside the content folder`,
          hint: 'replace the link by the file itself',
        },
      ],
    };
  }
  const source = readFileSync(real, 'utf8');
  const read = collections[name].format === 'mdx' ? readFrontmatterOnce(source) : readYaml(source);
  const value = 'value' in read ? read.value : read.data;
  const problems: Refused[] = read.problems.map((p) => ({ file, ...p }));
  if (problems.length) return { problems };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return {
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: 'this file does not contain a list of fields (name: value)',
          hint: 'write one field per line, e.g. `title: My page`',
        },
      ],
    };
  }
  const data = value as Record<string, unknown>;
  const { schema, images } = shapeOf(name);
  // Unknown fields with their line here (Astro's own schema error names the file but not the line).
  const parsed = schema.safeParse(data);
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const m of unknownFields(issue, schema, data))
      problems.push({ file, field: formatPath(m.path), ...read.locate(m.path), message: m.message, hint: m.hint });
  }
  const beside: PropertyKey[][] = [];
  for (const fieldPath of images) {
    for (const { path: at, value: v } of occurrences(data, fieldPath)) {
      if (typeof v !== 'string') continue;
      const r = resolveImage(v.trim(), abs, root, contentDir);
      if (!r.ok) problems.push({ file, field: formatPath(at), ...read.locate(at), message: r.problem, hint: r.hint });
      else if (!/^[./]/.test(v.trim())) beside.push(at);
    }
  }
  if (problems.length) return { problems };
  // An image named without ./ (`cover.jpg`, a file beside the entry) gets it, as Astro's image() does for a file that
  // exists: then what image() makes of every value no longer depends on the entry, and one schema per collection
  // serves all entries (content.config.ts, schemaOnce).
  for (const at of beside) {
    const parent = at
      .slice(0, -1)
      .reduce<Record<PropertyKey, unknown>>((node, key) => node[key] as Record<PropertyKey, unknown>, data);
    const key = at.at(-1)!;
    parent[key] = `./${String(parent[key]).trim()}`;
  }
  return { data, problems };
}

/** glob() over a collection's folder, with every entry read and checked by the content guard. */
export function guardedLoader(name: CollectionName, contentDir: string): Loader {
  const def = collections[name];
  const inner = glob({ base: `${contentDir}/${def.folder}`, pattern: ENTRY_PATTERNS[def.format] });
  return {
    name: 'content-guard-glob',
    load: (context: LoaderContext) => {
      const root = fileURLToPath(context.config.root);
      const parseData: LoaderContext['parseData'] = async (props) => {
        if (!props.filePath) throw new Error(`content guard: entry ${props.id} of ${name} has no file`);
        const { data, problems } = readEntry(
          name,
          path.resolve(root, props.filePath),
          root,
          path.resolve(root, contentDir),
        );
        if (problems.length) throw refusal(problems);
        return context.parseData({ ...props, data: data as typeof props.data });
      };
      return inner.load({ ...context, parseData });
    },
  };
}

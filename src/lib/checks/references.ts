/**
 * References between entries must point somewhere. Reference fields are found in the schemas by
 * their metadata (`relation: '<collection>'`, see field.ts), at any depth (e.g. events'
 * sessions[].materials), so a new reference field is checked without changes here. Values are
 * language-neutral slugs; for MDX collections the Dutch entry must exist.
 *
 * Astro itself only logs a dangling reference, so without this check the build would pass.
 */
import { z } from 'astro/zod';
import { collections, collectionNames, type CollectionName } from '../../schema/index.ts';
import type { SchemaContext } from '../../schema/common.ts';
import { allowedComponents, type AllowedComponent } from '../../components/mdx/allowlist.ts';
import { closeMatches } from './suggest.ts';
import type { ContentError, ContentFile, ContentWarning, LoadedContent } from './types.ts';
import { referenceFields, type ReferenceField } from '../../schema/field.ts';
import { formatPath, occurrences } from '../../schema/zod-walk.ts';

/**
 * MDX components whose attribute is a reference (the attribute holds a slug of that collection), from
 * `relation` in the allow-list: e.g. { MaterialLink: { id: 'materials' } }.
 */
export const COMPONENT_REFERENCES: Record<string, Record<string, CollectionName>> = {};
for (const [name, spec] of Object.entries(allowedComponents as Record<string, AllowedComponent>)) {
  for (const [attr, { relation }] of Object.entries(spec.attributes)) {
    if (!relation) continue;
    if (!(relation in collections))
      throw new Error(`allowlist.ts: <${name} ${attr}> has relation "${relation}", which is not a collection`);
    (COMPONENT_REFERENCES[name] ??= {})[attr] = relation as CollectionName;
  }
}

/** A use of an allow-listed component in an MDX body, as found by the guard. */
export interface ComponentUse {
  entry: ContentFile;
  name: string;
  /** String-valued attributes only. */
  attributes: Record<string, string>;
  line: number;
  column: number;
}

/** The reference fields of every collection, from the schemas (image() does not matter here). */
export function referenceFieldsByCollection(): Record<CollectionName, ReferenceField[]> {
  const ctx: SchemaContext = { image: () => z.string() };
  const out = {} as Record<CollectionName, ReferenceField[]>;
  for (const name of collectionNames) out[name] = referenceFields(collections[name].schema(ctx));
  return out;
}

/** Slugs that references may point at: Dutch entries of MDX collections, .yaml files of data collections. */
export function targetSlugs(loaded: LoadedContent): Record<CollectionName, Set<string>> {
  const out = {} as Record<CollectionName, Set<string>>;
  for (const name of collectionNames) {
    const def = collections[name];
    out[name] = new Set(
      loaded.entries
        .filter((e) => e.collection === name && (def.format === 'mdx' ? e.lang === 'nl' : e.ext === 'yaml'))
        .map((e) => e.slug),
    );
  }
  return out;
}

function singular(name: CollectionName): string {
  return collections[name].labelSingular.en.toLowerCase();
}

function expectedFile(loaded: LoadedContent, name: CollectionName, slug: string): string {
  const def = collections[name];
  const dir =
    loaded.contentDir
      .slice(loaded.root.length)
      .replace(/^[\\/]/, '')
      .split('\\')
      .join('/') || '.';
  return def.format === 'mdx' ? `${dir}/${def.folder}/nl/${slug}.mdx` : `${dir}/${def.folder}/${slug}.yaml`;
}

function danglingMessage(
  loaded: LoadedContent,
  relation: CollectionName,
  value: string,
  targets: Set<string>,
): { message: string; hint: string } {
  const englishOnly = loaded.entries.some((e) => e.collection === relation && e.lang === 'en' && e.slug === value);
  if (englishOnly) {
    return {
      message: `"${value}" exists only in English; references point at the Dutch version, which is missing`,
      hint: `add the Dutch version ${expectedFile(loaded, relation, value)}`,
    };
  }
  const near = closeMatches(value, targets);
  const all = [...targets].sort();
  const hint = near.length
    ? `did you mean ${near.map((n) => `"${n}"`).join(' or ')}? Correct the value, or remove it`
    : all.length === 0
      ? `there are no ${collections[relation].label.en.toLowerCase()} yet: create ${expectedFile(loaded, relation, value)} or remove this value`
      : all.length <= 8
        ? `choose one of: ${all.join(', ')}; or remove this value`
        : `use the file name (without .${collections[relation].format}) of an existing ${singular(relation)}, or remove this value`;
  return {
    message: `"${value}" is not an existing ${singular(relation)} (there is no ${expectedFile(loaded, relation, value)})`,
    hint,
  };
}

export interface ReferenceCheckResult {
  errors: ContentError[];
  warnings: ContentWarning[];
}

export function checkReferences(loaded: LoadedContent, components: ComponentUse[] = []): ReferenceCheckResult {
  const errors: ContentError[] = [];
  const warnings: ContentWarning[] = [];
  const fields = referenceFieldsByCollection();
  const targets = targetSlugs(loaded);

  for (const entry of loaded.entries) {
    if (entry.collection === 'settings' || !entry.data) continue;
    for (const ref of fields[entry.collection]) {
      if (!(ref.relation in collections)) {
        throw new Error(
          `Schema of ${entry.collection}: field ${formatPath(ref.path)} has relation "${ref.relation}", which is not a collection`,
        );
      }
      const relation = ref.relation as CollectionName;
      for (const occ of occurrences(entry.data, ref.path)) {
        const items: { path: PropertyKey[]; value: unknown }[] = Array.isArray(occ.value)
          ? occ.value.map((value, i) => ({ path: [...occ.path, i], value }))
          : [occ];
        const seen = new Set<string>();
        for (const item of items) {
          if (typeof item.value !== 'string' || !item.value) continue; // wrong types are schema errors
          const pos = entry.locate?.(item.path);
          const where = { file: entry.file, field: formatPath(item.path), ...pos };
          if (!targets[relation].has(item.value)) {
            errors.push({
              check: 'reference',
              ...where,
              ...danglingMessage(loaded, relation, item.value, targets[relation]),
            });
          } else if (seen.has(item.value)) {
            warnings.push({
              check: 'reference',
              ...where,
              message: `"${item.value}" is listed twice`,
              hint: 'remove the second one',
            });
          } else if (relation === entry.collection && item.value === entry.slug) {
            warnings.push({
              check: 'reference',
              ...where,
              message: `this ${singular(relation)} refers to itself`,
              hint: 'remove this value',
            });
          }
          seen.add(item.value);
        }
      }
    }
  }

  for (const use of components) {
    const refs = COMPONENT_REFERENCES[use.name];
    if (!refs) continue;
    for (const [attr, relation] of Object.entries(refs)) {
      const value = use.attributes[attr];
      if (value === undefined || value === '') continue; // missing required attributes are guard errors
      if (!targets[relation].has(value)) {
        const d = danglingMessage(loaded, relation, value, targets[relation]);
        errors.push({
          check: 'reference',
          file: use.entry.file,
          line: use.line,
          column: use.column,
          message: `<${use.name} ${attr}="${value}">: ${d.message}`,
          hint: d.hint,
        });
      }
    }
  }
  return { errors, warnings };
}

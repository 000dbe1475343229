/**
 * The one YAML reader for content: frontmatter of MDX entries and the .yaml files (materials, settings),
 * for the build (the content loader and the MDX compiler's guard) and for the content check alike.
 *
 * Content is data written by editors, so only plain YAML is accepted: mappings, lists, text, numbers,
 * true/false and dates. Refused, with line and column: anchors and aliases (`&a`/`*a`: a 1 KB "alias
 * bomb" expands to hundreds of MB once the data is copied), explicit tags (`!!binary`, `!foo`), merge
 * keys (`<<`, which other YAML readers merge and this one does not), keys that are not plain text, the
 * names `__proto__`, `constructor` and `prototype` (they reach into JavaScript objects) and nesting
 * deeper than any content type needs.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/** A problem with a 1-based position in the YAML text (add the text's first line to get a file line). */
export interface YamlProblem {
  line?: number;
  column?: number;
  message: string;
  hint: string;
}

export interface ReadYaml {
  /** The parsed value; undefined when there are problems. */
  value: unknown;
  problems: YamlProblem[];
  /** 1-based line and column in the YAML text of the deepest node found along `path` (key or list item). */
  locate: (path: readonly PropertyKey[]) => { line: number; column: number } | undefined;
  /** The same text read with dates left as written (to compare a date with what the editor typed). */
  asWritten: () => unknown;
}

/** Field names that reach into JavaScript objects instead of naming a field. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Deepest nesting of mappings and lists content needs (an event's sessions[].materials[] is 3). */
export const MAX_DEPTH = 8;

export const YAML_HINT =
  'check this line and the one above it: a value that contains a colon (:) or starts with a quote, *, & or # must be ' +
  'put in quotes ("..."); list items start with "- " at the same indentation; indent with spaces, never tabs';

const OPTIONS = { uniqueKeys: true, maxAliasCount: 0, prettyErrors: false } as const;

/** Read YAML text under the content rules. Never throws. `what` names the text in messages. */
export function readYaml(text: string, what = 'this YAML file'): ReadYaml {
  const lines = new LineCounter();
  // Dates become Date objects, as Astro's own reader (js-yaml) made them; every other scalar is YAML 1.2 core.
  const doc = parseDocument(text, { ...OPTIONS, lineCounter: lines, customTags: ['timestamp'] });
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const problems: YamlProblem[] = [];
  for (const error of doc.errors) {
    const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    problems.push({ ...at(error.pos[0]), message: `${what} could not be read: ${reason}`, hint: YAML_HINT });
  }
  if (!problems.length) walk(doc.contents, 0, problems, at, text, new Set());
  const locate = (path: readonly PropertyKey[]) => locateIn(doc, path, at, text);
  const asWritten = () => parseDocument(text, OPTIONS).toJS({ maxAliasCount: 0 });
  if (problems.length) return { value: undefined, problems, locate, asWritten };
  return { value: doc.toJS({ maxAliasCount: 0 }), problems, locate, asWritten };
}

type At = (offset: number) => { line: number; column: number };

/** `aliases`: names already reported, so a bomb's hundreds of repeats give one problem per anchor. */
function walk(node: unknown, depth: number, problems: YamlProblem[], at: At, text: string, aliases: Set<string>): void {
  if (!node) return;
  const n = node as Node;
  const start = n.range?.[0] ?? 0;
  if (isAlias(n)) {
    if (aliases.has(n.source)) return;
    aliases.add(n.source);
    problems.push({
      ...at(start),
      message: `the alias *${n.source} repeats a value marked elsewhere with &${n.source}`,
      hint: 'write the value out in full; anchors (&) and aliases (*) are not allowed in content',
    });
    return;
  }
  if (n.anchor) {
    problems.push({
      ...at(anchorOffset(text, start, n.anchor)),
      message: `the anchor &${n.anchor} is not allowed in content`,
      hint: `remove "&${n.anchor}"; write every value out in full`,
    });
  }
  if (n.tag) {
    // Only explicit tags are set on a node; the reader's own types (text, numbers, dates) leave it empty.
    let offset = text.lastIndexOf('!', start);
    while (offset > 0 && text[offset - 1] === '!') offset--;
    const tag = offset >= 0 ? /^!\S*/.exec(text.slice(offset))![0] : n.tag;
    problems.push({
      ...at(offset >= 0 ? offset : start),
      message: `the YAML tag ${tag} is not allowed in content`,
      hint: `remove "${tag}": write plain text, numbers, dates and lists only`,
    });
  }
  if (depth > MAX_DEPTH) {
    problems.push({
      ...at(start),
      message: `the fields are nested more than ${MAX_DEPTH} levels deep`,
      hint: 'no content type has fields this deep: compare the indentation with a working entry of the same kind',
    });
    return;
  }
  if (isMap(n)) {
    for (const pair of n.items) {
      const key = pair.key as Node | null;
      const keyStart = key?.range?.[0] ?? start;
      if (!isScalar(key) || typeof key.value === 'object') {
        problems.push({
          ...at(keyStart),
          message: 'a field name must be plain text',
          hint: 'write the field as `name: value`, with a simple name before the colon',
        });
        continue;
      }
      const name = String(key.value);
      if (name === '<<') {
        problems.push({
          ...at(keyStart),
          message: 'the merge key "<<" is not allowed in content',
          hint: 'write the fields out in full instead of merging them in',
        });
      } else if (PROTOTYPE_KEYS.includes(name)) {
        problems.push({
          ...at(keyStart),
          message: `"${name}" cannot be used as a field name`,
          hint: `remove the line "${name}: ..."; it is not a field of any content type`,
        });
      }
      walk(key, depth + 1, problems, at, text, aliases);
      walk(pair.value, depth + 1, problems, at, text, aliases);
    }
  } else if (isSeq(n)) {
    for (const item of n.items) walk(item, depth + 1, problems, at, text, aliases);
  }
}

/** Offset of `&name` before a node (the node's range starts after its properties). */
function anchorOffset(text: string, start: number, anchor: string): number {
  const i = text.lastIndexOf(`&${anchor}`, start);
  return i >= 0 ? i : start;
}

/** Position of the deepest node along a path: a key where a field is named, the "-" where a list item starts. */
function locateIn(
  doc: Document,
  path: readonly PropertyKey[],
  at: At,
  text: string,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let found: number | undefined;
  for (const segment of path) {
    if (typeof segment === 'number' && isSeq(node)) {
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      found = dashBefore(text, item.range[0]);
      node = item;
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      const key = pair?.key as Node | undefined;
      if (!pair || !key?.range) break;
      found = key.range[0];
      node = pair.value;
    } else {
      break;
    }
  }
  return found === undefined ? undefined : at(found);
}

/** For a block list item, the offset of its "- "; otherwise the node's own offset. */
function dashBefore(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' ? i : offset;
}

/**
 * Best-effort position of a field in YAML text, so that editors get a line number for frontmatter
 * problems. Understands block mappings and block lists (what editors and the CMS write); for flow
 * style (`[a, b]`) it points at the key. Returns the deepest part of the path it could find.
 */

interface VLine {
  line: number; // 0-based physical line
  indent: number;
  kind: 'item' | 'key' | 'scalar';
  key?: string;
}

const KEY_RE = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s"'#\-?:,[\]{}][^:#]*?|-[^\s:#][^:#]*?))\s*:(?:\s|$)/;

function virtualLines(text: string): VLine[] {
  const out: VLine[] = [];
  text.split('\n').forEach((raw, line) => {
    const physical = raw.replace(/\r$/, '');
    let indent = physical.length - physical.trimStart().length;
    let rest = physical.trimStart();
    if (!rest || rest.startsWith('#')) return;
    while (rest === '-' || rest.startsWith('- ')) {
      out.push({ line, indent, kind: 'item' });
      const after = rest.slice(1);
      const spaces = after.length - after.trimStart().length;
      indent += 1 + spaces;
      rest = after.trimStart();
      if (!rest) return;
    }
    const m = KEY_RE.exec(rest);
    if (m) out.push({ line, indent, kind: 'key', key: m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3]!.trim() });
    else out.push({ line, indent, kind: 'scalar' });
  });
  return out;
}

export interface YamlPosition {
  /** 0-based line within the YAML text. */
  line: number;
  /** 1-based column. */
  column: number;
}

export function locateInYaml(text: string, path: readonly PropertyKey[]): YamlPosition | undefined {
  const lines = virtualLines(text);
  let start = 0;
  let end = lines.length;
  let found: VLine | undefined;
  for (const segment of path) {
    if (start >= end) break;
    const childIndent = lines[start]!.indent;
    let hit = -1;
    if (typeof segment === 'number') {
      let n = 0;
      for (let i = start; i < end; i++) {
        const v = lines[i]!;
        if (v.indent < childIndent) break;
        if (v.indent === childIndent && v.kind === 'item') {
          if (n === segment) {
            hit = i;
            break;
          }
          n++;
        }
      }
    } else {
      for (let i = start; i < end; i++) {
        const v = lines[i]!;
        if (v.indent < childIndent) break;
        if (v.indent === childIndent && v.kind === 'key' && v.key === String(segment)) {
          hit = i;
          break;
        }
      }
    }
    if (hit < 0) break;
    const at = lines[hit]!;
    found = at;
    // The children of this node: following lines indented deeper (for a key, a list may sit at the
    // key's own indentation: "key:\n- a").
    let stop = hit + 1;
    while (stop < end) {
      const v = lines[stop]!;
      if (v.indent > at.indent) stop++;
      else if (at.kind === 'key' && v.indent === at.indent && v.kind === 'item') stop++;
      else break;
    }
    start = hit + 1;
    end = stop;
  }
  return found ? { line: found.line, column: found.indent + 1 } : undefined;
}

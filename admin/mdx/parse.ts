/**
 * The CMS's parse of a body, for the content guard's rules (src/lib/mdx-guard/rules.ts) in the editor.
 *
 * Why not Sätteri, the parser the build compiles with: its browser build is the npm package
 * @bruits/satteri-wasm32-wasi, which npm refuses to install on any machine that is not wasm32
 * (EBADPLATFORM; it is a platform-specific optional dependency), so the CMS bundle cannot include it,
 * and its threaded WebAssembly needs a cross-origin-isolated page (COOP/COEP headers), which a
 * static /admin/ does not have. Until that changes, the editor parses with remark (MDX and GFM, the
 * same mdast node types) and applies the very same rules; where the two parsers read a text
 * differently, the build's verdict (the rules inside Sätteri's compilation) is the one that counts.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import type { MdNode, Point } from '../../src/lib/mdx-guard/rules.ts';

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The body's mdast (throws on a text MDX cannot read). */
export function parseInEditor(text: string): MdNode {
  return processor.parse(text) as unknown as MdNode;
}

/** Position and reason of a parse error (micromark's VFileMessage). */
export function editorParseError(err: unknown): { at?: Point; reason: string } {
  const e = err as { reason?: string; message?: string; line?: number; column?: number; place?: Point | { start: Point } };
  const place = e.place && 'start' in e.place ? e.place.start : (e.place as Point | undefined);
  const at = e.line ? { line: e.line, column: e.column ?? 1 } : place;
  return { at, reason: e.reason ?? e.message ?? String(err) };
}

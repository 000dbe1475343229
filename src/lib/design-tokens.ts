/** Values of the design tokens (src/styles/tokens.css) for places outside CSS: theme colour, web app manifest, icons. */
import { readFileSync } from 'node:fs';

/** Relative to the project root, where every build runs (as public/ in file-info.ts). */
const TOKENS_FILE = 'src/styles/tokens.css';
let tokens: string | undefined;

/** The value of a custom property in tokens.css, e.g. designToken('--color-brand') → "#1d5c57". */
export function designToken(name: `--${string}`): string {
  tokens ??= readFileSync(TOKENS_FILE, 'utf8');
  const value = new RegExp(`${name}:\\s*([^;]+);`).exec(tokens)?.[1]?.trim();
  if (!value) throw new Error(`src/styles/tokens.css has no ${name}: add it, or use a token that exists.`);
  return value;
}

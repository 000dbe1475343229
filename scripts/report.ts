/**
 * `npm run report`: the content health report for editors (stale entries, missing English,
 * old figures, materials without a file, past events without materials, example content).
 * Informational: exits 0 whatever it finds. `--root DIR` reports on another content folder.
 */
import { contentHealth, formatHealth } from '../src/lib/health.ts';

const rootIndex = process.argv.indexOf('--root');
const root = rootIndex > -1 ? process.argv[rootIndex + 1] : undefined;
console.log(formatHealth(contentHealth({ root })));

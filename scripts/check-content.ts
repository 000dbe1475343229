/**
 * Content checks before the build (npm run check:content; first step of npm run build).
 *
 *   node scripts/check-content.ts               checks ./content
 *   node scripts/check-content.ts --root <dir>  checks <dir>/content (or <dir> itself if it is a content folder)
 *
 * Prints every problem at once and exits 1, or prints a one-line summary and the entries that
 * still lack an English version.
 */
import path from 'node:path';
import {
  checkContent,
  formatCounts,
  formatErrors,
  formatMissingTranslations,
  pluralErrors,
} from '../src/lib/checks/index.ts';

function parseArgs(argv: string[]): { root: string } {
  let root = process.cwd();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--root') {
      const value = argv[++i];
      if (!value) {
        console.error('--root needs a folder, e.g. --root tests/fixtures/valid');
        process.exit(2);
      }
      root = path.resolve(value);
    } else if (arg.startsWith('--root=')) {
      root = path.resolve(arg.slice('--root='.length));
    } else if (arg === '--help' || arg === '-h') {
      console.log('Usage: node scripts/check-content.ts [--root <project or content folder>]');
      process.exit(0);
    } else {
      console.error(`Unknown argument: ${arg}`);
      process.exit(2);
    }
  }
  return { root };
}

const { root } = parseArgs(process.argv.slice(2));
const result = checkContent({ root });
// Paths are printed so they can be opened from here: relative to the current folder, or absolute outside it.
const fromHere = path.relative(process.cwd(), result.root);
const prefix = (fromHere.startsWith('..') || path.isAbsolute(fromHere) ? result.root : fromHere)
  .split(path.sep)
  .join('/');

if (result.warnings.length) {
  console.warn(formatErrors(result.warnings, { prefix, label: 'warning' }));
  console.warn('');
}
if (result.errors.length) {
  console.error(formatErrors(result.errors, { prefix }));
  console.error('');
  console.error(pluralErrors(result.errors.length));
  process.exit(1);
}
const warnings = result.warnings.length
  ? `, ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}`
  : '';
console.log(`Content OK: ${formatCounts(result.counts)}, settings${warnings}`);
console.log(formatMissingTranslations(result.missingTranslations));

/** Format and size of an uploaded file, read from public/ at build time. */
import { statSync } from 'node:fs';
import { extname } from 'node:path';
import { resolveUpload } from '../integrations/content-guard/files.ts';
import { localeTags, type Locale } from '../i18n/locales.ts';

export function fileInfo(publicPath: string, locale: Locale): { format: string; size: string; bytes: number } {
  // Resolved inside public/uploads/ (`..` and links refused) by the content guard's rule.
  const resolved = resolveUpload(publicPath, process.cwd());
  if (!resolved.ok) {
    throw new Error(
      `Uploaded file ${publicPath}: ${resolved.missing ? `not found (${resolved.looked})` : resolved.problem}. Fix: upload it again in the CMS or fix the "file" field.`,
    );
  }
  const bytes = statSync(resolved.abs).size;
  return { format: extname(resolved.abs).slice(1).toUpperCase(), size: formatBytes(bytes, locale), bytes };
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(localeTags[locale], {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

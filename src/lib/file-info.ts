/** Format and size of an uploaded file, read from public/ at build time. */
import { statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { localeTags, type Locale } from '../i18n/locales.ts';

export function fileInfo(publicPath: string, locale: Locale): { format: string; size: string; bytes: number } {
  const file = join('public', publicPath);
  let bytes: number;
  try {
    bytes = statSync(file).size;
  } catch {
    throw new Error(`Uploaded file not found: ${file}. Upload it again in the CMS or fix the "file" field.`);
  }
  return { format: extname(file).slice(1).toUpperCase(), size: formatBytes(bytes, locale), bytes };
}

export function formatBytes(bytes: number, locale: Locale): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(localeTags[locale], { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

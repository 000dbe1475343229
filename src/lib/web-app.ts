/** The installable app: where each language's manifest is and which icons it offers (rendered by src/pages/icons/). */
import type { Locale } from '../i18n/locales.ts';
import { homePath } from '../i18n/routes.ts';

export function manifestPath(locale: Locale): string {
  return `${homePath(locale)}manifest.webmanifest`;
}

/** PNG icons made from public/favicon.svg; the maskable one keeps the picture inside the 80% safe zone. */
export const iconSizes = [
  { name: 'icon-192', size: 192, maskable: false },
  { name: 'icon-512', size: 512, maskable: false },
  { name: 'icon-maskable-512', size: 512, maskable: true },
] as const;

export const appIcons = [
  { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
  ...iconSizes.map((i) => ({
    src: `/icons/${i.name}.png`,
    sizes: `${i.size}x${i.size}`,
    type: 'image/png',
    ...(i.maskable && { purpose: 'maskable' }),
  })),
];

/**
 * Makes the default social-media image, public/og-default.png (1200 × 630, the OpenGraph size):
 * the site name beside the outline of the Netherlands from the municipality map (src/lib/map.ts).
 * The PNG is committed; run this again after changing the name or the design:
 *
 *   node scripts/make-og-image.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { buildNetherlandsMap } from '../src/lib/map.ts';

const WIDTH = 1200;
const HEIGHT = 630;
const out = fileURLToPath(new URL('../public/og-default.png', import.meta.url));

const map = buildNetherlandsMap({ width: 400, padding: 8, tolerance: 0.3 });
const scale = (HEIGHT - 120) / map.height;
const mapX = WIDTH - map.width * scale - 60;
const mapY = (HEIGHT - map.height * scale) / 2;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const font = "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <rect width="${WIDTH}" height="${HEIGHT}" fill="#f7f2e9"/>
  <rect x="0" y="${HEIGHT - 18}" width="${WIDTH}" height="18" fill="#9b2335"/>
  <g transform="translate(${mapX.toFixed(1)} ${mapY.toFixed(1)}) scale(${scale.toFixed(4)})">
    <path d="${map.outline}" fill="#dfe8e1" stroke="#4c5f56" stroke-width="${(1.6 / scale).toFixed(2)}" stroke-linejoin="round"/>
  </g>
  <text x="80" y="250" font-family="${font}" font-size="84" font-weight="700" fill="#1f2a25">${esc('Samen Hier')}</text>
  <text x="80" y="340" font-family="${font}" font-size="60" font-weight="400" fill="#1f2a25">${esc('Kennisplatform')}</text>
  <rect x="82" y="382" width="120" height="8" fill="#9b2335"/>
  <text x="80" y="450" font-family="${font}" font-size="28" fill="#34443c">${esc('Community sponsorship in Nederland:')}</text>
  <text x="80" y="490" font-family="${font}" font-size="28" fill="#34443c">${esc('wat werkt, voor gemeenten en buurten')}</text>
</svg>`;

const png = await sharp(Buffer.from(svg)).png({ compressionLevel: 9, palette: true, quality: 90 }).toBuffer();
writeFileSync(out, png);
console.log(`Wrote ${out} (${png.length} bytes)`);

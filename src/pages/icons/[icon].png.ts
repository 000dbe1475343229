/** App icons (PNG) for the web app manifest, rendered from public/favicon.svg with sharp at build time. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { designToken } from '../../lib/design-tokens.ts';
import { iconSizes } from '../../lib/web-app.ts';

export const getStaticPaths = (() =>
  iconSizes.map((icon) => ({ params: { icon: icon.name }, props: { icon } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { size, maskable } = (props as { icon: (typeof iconSizes)[number] }).icon;
  const svg = readFileSync('public/favicon.svg');
  // A maskable icon may be cut to any shape: the picture sits in the middle 80% on the brand colour.
  const inner = maskable ? Math.round(size * 0.8) : size;
  const picture = await sharp(svg, { density: 72 * (inner / 40) })
    .resize(inner, inner)
    .png()
    .toBuffer();
  const png = maskable
    ? await sharp({ create: { width: size, height: size, channels: 4, background: designToken('--color-brand') } })
        .composite([{ input: picture, gravity: 'centre' }])
        .png()
        .toBuffer()
    : picture;
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};

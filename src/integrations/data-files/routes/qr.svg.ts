/** `astro dev` only: /m/<code>/qr.svg, a short link's QR code (src/lib/data-files.ts; the build writes them in one pass). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { qrFiles } from '../../../lib/data-files.ts';

export const getStaticPaths = (async () =>
  (await qrFiles()).map(({ path, body }) => ({
    params: { code: path.split('/')[2]! },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });

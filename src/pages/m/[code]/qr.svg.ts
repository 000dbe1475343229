/** /m/<code>/qr.svg: the QR code of a short link as an SVG file, for presenters to put on a slide. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { shortLinks } from '../../../lib/event-data.ts';
import { qrSvg, shortUrl } from '../../../lib/short-links.ts';

export const getStaticPaths = (async () => {
  const links = await shortLinks();
  return Promise.all(
    [...links.values()].map(async (link) => ({
      params: { code: link.code },
      props: { svg: await qrSvg(shortUrl(link.code)) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { svg: string }).svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });

/**
 * `astro dev` only: /offline/<event>.json, an event's offline packs as the content model knows them
 * (src/lib/data-files.ts). The build writes them in one pass and src/integrations/offline.ts completes them.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { offlinePackFiles } from '../../../lib/data-files.ts';

export const getStaticPaths = (async () =>
  (await offlinePackFiles()).map(({ path, body }) => ({
    params: { event: path.replace(/^\/offline\//, '').replace(/\.json$/, '') },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });

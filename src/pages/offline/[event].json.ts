/**
 * /offline/<event>.json: what "save for offline use" stores for an event, per language (src/lib/offline-pack.ts).
 * The build writes the content-model part here; src/integrations/offline.ts completes the file after the
 * build with the pages' assets, sizes and a version (the PackFile of src/offline/protocol.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { locales } from '../../i18n/locales.ts';
import { allPackDrafts, type PackDraft } from '../../lib/offline-pack.ts';

export const getStaticPaths = (async () =>
  [...(await allPackDrafts(locales))].map(([slug, packs]) => ({
    params: { event: slug },
    props: { packs },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, props }) =>
  new Response(JSON.stringify({ slug: params.event, packs: (props as { packs: Record<string, PackDraft> }).packs }), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });

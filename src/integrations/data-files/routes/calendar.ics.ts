/** `astro dev` only: the calendar files (src/lib/data-files.ts; the build writes them in one pass). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { calendarFiles } from '../../../lib/data-files.ts';

export const getStaticPaths = (async () =>
  (await calendarFiles()).map(({ path, body }) => ({
    // The route pattern ends in .ics; the param is the path without it.
    params: { ics: path.replace(/^\//, '').replace(/\.ics$/, '') },
    props: { body },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response((props as { body: string }).body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });

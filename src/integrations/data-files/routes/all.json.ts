/**
 * `astro build` only: every data file of the site (src/lib/data-files.ts) in one response, a JSON list of
 * { path, body }, which the data-files integration (../index.ts) writes out as files and then removes.
 */
import type { APIRoute } from 'astro';
import { allDataFiles } from '../../../lib/data-files.ts';

export const GET: APIRoute = async () => new Response(JSON.stringify(await allDataFiles()));

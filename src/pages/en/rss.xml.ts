/** English RSS feed: news and best practices (src/lib/feeds.ts). */
import type { APIRoute } from 'astro';
import { feedResponse } from '../../lib/feeds.ts';
import { SITE_URL } from '../../site.config.ts';

export const GET: APIRoute = ({ site }) => feedResponse('en', site ?? new URL(SITE_URL));

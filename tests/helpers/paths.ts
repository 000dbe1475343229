import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Tests build the site here, not into dist/, so a running `npm start` is left alone. */
export const testDist = join(projectRoot, '.tmp', 'test-site');

#!/usr/bin/env node
/**
 * Screenshots of the built site at phone and desktop width, for design review:
 *   node scripts/screenshots.ts [outDir] [path ...]
 * Serves .tmp/test-site (or SITE_DIR) on 127.0.0.1 and writes <outDir>/<name>-<width>.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serveSite } from '../tests/helpers/server.ts';
import { launchBrowser } from '../tests/helpers/browser.ts';
import { testDist } from '../tests/helpers/paths.ts';

const [outDir = '.tmp/screenshots', ...paths] = process.argv.slice(2);
const pages = paths.length > 0 ? paths : ['/'];
mkdirSync(outDir, { recursive: true });
const server = await serveSite(process.env.SITE_DIR ?? testDist);
const browser = await launchBrowser();
try {
  for (const width of [375, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width < 600 ? 812 : 900 } });
    for (const path of pages) {
      await page.goto(server.origin + path);
      const name = path.replace(/^\/|\/$/g, '').replace(/[/#?]+/g, '_') || 'home';
      const file = join(outDir, `${name}-${width}.png`);
      await page.screenshot({ path: file, fullPage: process.env.FULL !== '0' });
      console.log(file);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}

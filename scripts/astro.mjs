#!/usr/bin/env node
/**
 * `astro <command>` for the npm scripts, with telemetry and the update check off (scripts/lib/private-env.mjs)
 * before Astro starts: its first-run notice and its version check happen before astro.config.mjs is read.
 * Works the same on every platform (no `VAR=1 astro` shell syntax).
 */
import { PRIVATE_ENV } from './lib/private-env.mjs';
import { ALLOCATOR_ENV } from './lib/allocator-env.mjs';

Object.assign(process.env, PRIVATE_ENV);
// The native bundler's allocator returns memory it no longer uses (scripts/lib/allocator-env.mjs).
for (const [name, value] of Object.entries(ALLOCATOR_ENV)) process.env[name] ??= value;
// Astro's own CLI entry (its package exports do not include bin/).
await import(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url).href);

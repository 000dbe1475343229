/**
 * Inline code under the site's Content-Security-Policy (security.csp in astro.config.mjs). Astro hashes
 * the scripts and styles it processes itself; the few hand-written inline scripts live here as constant
 * texts (the search's loaders are TypeScript files compiled at build time, src/search/loaders/), and
 * astro.config.mjs puts their hashes in every page's policy. Values a script needs come from
 * data-* attributes on its <script> element, never from its text, so the text and hash never change.
 * (Adding a hash at render time does not work for them: the policy is written in <head> before the
 * components in <body> render.)
 */
import { createHash } from 'node:crypto';
import type { AstroGlobal } from 'astro';
import { REGISTRY_URL } from '../offline/protocol.ts';
import { compileLoaders } from '../search/loaders/index.ts';

/** Every page (Base.astro): register the service worker (src/offline/sw.ts) once the page has loaded. */
export const registerWorkerScript = "addEventListener('load',()=>navigator.serviceWorker?.register('/sw.js'))";

/** The saved events, for the two scripts below: the worker's registry (src/offline/protocol.ts), or undefined. */
const readRegistry = `caches.match(${JSON.stringify(REGISTRY_URL)}).then(r=>r?.json())`;

/**
 * An event's "save for offline use" control (OfflineSave.astro; this script follows it), where the browser has
 * a service worker and Cache Storage: show it; if the event is saved, load the control's code (data-src) to
 * show when; otherwise load it on the first click of a button. Kept small: every byte is paid on every event
 * page (the pack's size is written into the page by the build, src/integrations/offline.ts).
 */
export const offlineSaveScript = `{const x=document.currentScript.previousElementSibling,d=x.dataset,m=()=>import(d.src);
if(self.caches&&navigator.serviceWorker){x.hidden=!1;${readRegistry}.then(g=>g?.packs[d.key]&&m().then(c=>c.show(x)));
x.onclick=e=>{const b=e.target.closest('button');b&&m().then(c=>c.run(x,b.value),()=>location.reload())}}}`;

/**
 * The offline page (OfflinePage.astro): list the saved events, and say that the page asked for is not
 * stored when the worker serves this page in its place (data-path is the offline page's own path).
 */
export const offlineListScript = `{const d=document.currentScript.dataset,q=(s)=>document.querySelector(s);
if(location.pathname!=d.path)q('[data-offline-missing]').hidden=false;
if(self.caches)${readRegistry}.then((g)=>{const p=Object.values(g?.packs||{}),l=q('[data-offline-list]');
for(const e of p){const i=document.createElement('li'),a=document.createElement('a');a.href=e.href;a.textContent=e.title;if(e.locale!=d.lang)a.lang=e.locale;i.append(a);l.append(i)}
l.hidden=!p.length;q('[data-offline-none]').hidden=p.length>0}).catch(()=>{})}`;

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;

/** Hashes of the inline scripts above and of the search's loaders (compiled now), for security.csp.scriptDirective.hashes. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [...Object.values(compileLoaders()), registerWorkerScript, offlineSaveScript, offlineListScript].map(sha256);
}

/**
 * Allow an inline style computed in a page's own frontmatter (which runs before <head> is written), e.g.
 * a room card's @page size; returns it for `set:html`.
 */
export function inlineStyle(astro: Pick<AstroGlobal, 'csp'>, css: string): string {
  astro.csp?.insertStyleHash(sha256(css));
  return css;
}

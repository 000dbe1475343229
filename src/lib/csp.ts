/**
 * Inline code under the site's Content-Security-Policy (security.csp in astro.config.mjs). Astro hashes
 * the scripts and styles it processes itself; the few hand-written inline scripts live here as constant
 * texts, and astro.config.mjs puts their hashes in every page's policy. Values a script needs come from
 * data-* attributes on its <script> element, never from its text, so the text and hash never change.
 * (Adding a hash at render time does not work for them: the policy is written in <head> before the
 * components in <body> render.)
 */
import { createHash } from 'node:crypto';
import type { AstroGlobal } from 'astro';
import { REGISTRY_URL } from '../offline/protocol.ts';

/**
 * The header search button's loader (SearchButton.astro), kept under 1 KB and so written compactly: on a
 * click of a [data-search-open] link, Ctrl/Cmd+K, or "/" outside text fields it imports the search client
 * (data-src) once and opens the dialog; if that fails the link is followed.
 */
export const searchLoaderScript = "if(!window.__searchLoader){window.__searchLoader=1;const src=document.currentScript.dataset.src;let c;const q=(s)=>document.querySelector(s);\nconst o=(l)=>{const f=q('[data-search-page] input[type=search]');if(f)return f.focus();(c??=import(src)).then((m)=>m.openDialog(document.activeElement),()=>{c=null;if(l)location.href=l.href})};\naddEventListener('click',(e)=>{const a=e.target.closest?.('[data-search-open]');if(!a||e.button||e.ctrlKey||e.metaKey||e.shiftKey||e.altKey)return;e.preventDefault();o(a)});\naddEventListener('keydown',(e)=>{const k=e.key.toLowerCase(),t=e.target,m=e.ctrlKey||e.metaKey;if(e.defaultPrevented||e.altKey||!((k=='k'&&m)||(k=='/'&&!m&&!(t.isContentEditable||/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))))return;e.preventDefault();o(q('[data-search-open]'))});\ndocument.querySelectorAll('[data-search-open]').forEach((a)=>a.setAttribute('aria-haspopup','dialog'))}";

/** A listing's filters (ListingFilters.astro): show the box (data-id), load the client (data-src) on first use. */
export const listingFiltersScript = "{const {id, src} = document.currentScript.dataset; const box = document.getElementById(id); box.hidden = false;\nconst enhance = () => import(src).then((m) => m.enhanceListing(box));\nif (location.search) enhance(); else box.addEventListener('change', enhance, { once: true });}";

/** The search page (SearchPage.astro): load the client (data-src) and mount the page at once. */
export const searchPageScript = "import(document.currentScript.dataset.src).then((m) => m.mountSearchPage());";

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

/** Hashes of the inline scripts above, for security.csp.scriptDirective.hashes. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [searchLoaderScript, listingFiltersScript, searchPageScript, registerWorkerScript, offlineSaveScript, offlineListScript].map(sha256);
}

/**
 * Allow an inline style computed in a page's own frontmatter (which runs before <head> is written), e.g.
 * a room card's @page size; returns it for `set:html`.
 */
export function inlineStyle(astro: Pick<AstroGlobal, 'csp'>, css: string): string {
  astro.csp?.insertStyleHash(sha256(css));
  return css;
}

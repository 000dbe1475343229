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
export const registerWorkerScript = "'serviceWorker'in navigator&&addEventListener('load',()=>navigator.serviceWorker.register('/sw.js').catch(()=>{}))";

/** The saved events, for the two scripts below: the worker's registry (src/offline/protocol.ts). */
const readRegistry = `caches.match(${JSON.stringify(REGISTRY_URL)}).then((r)=>r?r.json():{packs:{}})`;

/**
 * An event's "save for offline use" control (OfflineSave.astro), where the browser has a service worker and
 * Cache Storage: show it, show whether the event is saved (and when), fill in the pack's size from its
 * manifest, and load the control's code (data-src) on the first click of one of its buttons. Its values
 * (data-key, data-lang, data-manifest, data-locale, data-src) are on the control; the script names it (data-id).
 */
export const offlineSaveScript = `{const x=document.getElementById(document.currentScript.dataset.id),d=x&&x.dataset;
if(x&&'serviceWorker'in navigator&&'caches'in window){const q=(s)=>x.querySelector(s);
const show=()=>${readRegistry}.then((g)=>{const p=g.packs[d.key],t=q('[data-time]');q('[data-unsaved]').hidden=!!p;q('[data-saved]').hidden=!p;
if(p){const w=new Date(p.savedAt),o=w.toDateString()==new Date().toDateString()?{timeStyle:'short'}:{dateStyle:'medium',timeStyle:'short'};
t.textContent=w.toLocaleString(d.lang,o);t.dateTime=w.toISOString()}}).catch(()=>{}).then(()=>x.dispatchEvent(new Event('offline:shown')));
x.hidden=false;show();x.addEventListener('offline:change',show);
fetch(d.manifest).then((r)=>r.json()).then((m)=>q('[data-size]').textContent=', '+m.packs[d.locale].size).catch(()=>{});
x.addEventListener('click',(e)=>{const b=e.target.closest('button[data-action]');if(b)import(d.src).then((m)=>m.run(x,b.dataset.action),()=>location.reload())})}}`;

/**
 * The offline page (OfflinePage.astro): list the saved events, and say that the page asked for is not
 * stored when the worker serves this page in its place (data-path is the offline page's own path).
 */
export const offlineListScript = `{const d=document.currentScript.dataset,q=(s)=>document.querySelector(s);
if(location.pathname!=d.path)q('[data-offline-missing]').hidden=false;
if('caches'in window)${readRegistry}.then((g)=>{const p=Object.values(g.packs),l=q('[data-offline-list]');
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

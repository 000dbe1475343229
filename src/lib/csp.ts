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

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;

/** Hashes of the inline scripts above, for security.csp.scriptDirective.hashes. */
export function inlineScriptHashes(): `sha256-${string}`[] {
  return [searchLoaderScript, listingFiltersScript, searchPageScript].map(sha256);
}

/**
 * Allow an inline style computed in a page's own frontmatter (which runs before <head> is written), e.g.
 * a room card's @page size; returns it for `set:html`.
 */
export function inlineStyle(astro: Pick<AstroGlobal, 'csp'>, css: string): string {
  astro.csp?.insertStyleHash(sha256(css));
  return css;
}

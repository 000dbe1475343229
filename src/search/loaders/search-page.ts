/** The search page's inline loader (SearchPage.astro; compiled by ./compile.ts): load the client (data-src), mount the page. */
interface SearchClient {
  mountSearchPage(): void;
}

(import((document.currentScript as HTMLScriptElement).dataset.src!) as Promise<SearchClient>).then((module) =>
  module.mountSearchPage(),
);

export {};

/** The compiled inline loaders (./index.ts), by name. */
declare module 'virtual:samen-hier/search-loaders' {
  const loaders: Record<import('./index.ts').LoaderName, string>;
  export default loaders;
}

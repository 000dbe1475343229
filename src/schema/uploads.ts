/**
 * What an editor may upload, once, for the build's check, the local CMS backend and the CMS media
 * library. Uploads are served from the site's own origin, so a type that a browser would run (HTML,
 * SVG, XML, JavaScript) must never be accepted. Pure TypeScript, no Node APIs.
 */

/** The folders uploads live in, relative to the project root, and the URL path each is served at. */
export const UPLOAD_FOLDERS = {
  /** Downloads and images used in text: served as they are, at /uploads/. */
  public: { dir: 'public/uploads', urlPath: '/uploads/' },
  /** Cover images: optimised by Astro's image() at build. */
  assets: { dir: 'src/assets/uploads', urlPath: undefined },
} as const;

export type UploadKind = 'image' | 'document';

/** Allowed file endings (lower case) with their media type; anything else is refused. */
export const UPLOAD_TYPES: Record<string, { mime: string; kind: UploadKind }> = {
  jpg: { mime: 'image/jpeg', kind: 'image' },
  jpeg: { mime: 'image/jpeg', kind: 'image' },
  png: { mime: 'image/png', kind: 'image' },
  webp: { mime: 'image/webp', kind: 'image' },
  avif: { mime: 'image/avif', kind: 'image' },
  gif: { mime: 'image/gif', kind: 'image' },
  pdf: { mime: 'application/pdf', kind: 'document' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', kind: 'document' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'document' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', kind: 'document' },
  odp: { mime: 'application/vnd.oasis.opendocument.presentation', kind: 'document' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', kind: 'document' },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', kind: 'document' },
};

/** Cover images (src/assets/uploads) are optimised by Astro; only raster images it can read. */
export const ASSET_IMAGE_TYPES = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/** The largest upload, in bytes (25 MB: a slide deck with photos fits; a video does not belong here). */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The limit as editors read it. */
export const MAX_UPLOAD_LABEL = { nl: '25 MB', en: '25 MB' } as const;

/** The ending of a file name, lower case, or '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split('/').pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export interface UploadProblem {
  code: 'type' | 'size' | 'name';
  nl: string;
  en: string;
}

/** Why an upload (by name and size) is refused, in Dutch and English, or undefined when it is allowed. */
export function uploadProblem(
  name: string,
  bytes: number | undefined,
  folder: keyof typeof UPLOAD_FOLDERS = 'public',
): UploadProblem | undefined {
  const base = name.split('/').pop() ?? name;
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(base) || base.includes('..')) {
    return {
      code: 'name',
      nl: `De bestandsnaam "${base}" kan niet: gebruik letters, cijfers, - en _ (bijv. handout-workshop.pdf).`,
      en: `the file name "${base}" is not allowed: use letters, digits, - and _ (e.g. handout-workshop.pdf)`,
    };
  }
  const ext = extensionOf(base);
  const allowed = folder === 'assets' ? [...ASSET_IMAGE_TYPES] : Object.keys(UPLOAD_TYPES);
  if (!allowed.includes(ext)) {
    const list = allowed.join(', ');
    return {
      code: 'type',
      nl: `Bestanden van het type ".${ext || '?'}" kunnen niet worden geüpload. Toegestaan: ${list}.`,
      en: `files of type ".${ext || '?'}" cannot be uploaded; allowed: ${list}`,
    };
  }
  if (bytes !== undefined && bytes > MAX_UPLOAD_BYTES) {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    return {
      code: 'size',
      nl: `Het bestand is ${mb.replace('.', ',')} MB; de grens is ${MAX_UPLOAD_LABEL.nl}. Maak het kleiner (bijv. PDF comprimeren) of deel een link.`,
      en: `the file is ${mb} MB; the limit is ${MAX_UPLOAD_LABEL.en}: make it smaller or link to it instead`,
    };
  }
  return undefined;
}

/**
 * The Decap CMS configuration, generated from the content model (src/schema): collections, fields,
 * i18n, media folders and slugs. Nothing here lists a content field by name except `body` (the MDX
 * text below the frontmatter, which is not part of the frontmatter schema).
 *
 * Pure TypeScript: runs in the browser (admin/main.ts) and in Node (tests/unit/cms-config.test.ts).
 */
import { z } from 'astro/zod';
import { collections, collectionNames, settingsSchema, type CollectionName } from '../../src/schema/index.ts';
import { locales, defaultLocale } from '../../src/i18n/locales.ts';
import { entryPath } from '../../src/i18n/routes.ts';
import { objectFields, type CmsField } from './fields.ts';
import { backendConfig, type CmsEnv } from './backend.ts';
import { cms } from '../i18n/nl.ts';

export type { CmsField } from './fields.ts';
export type { CmsEnv } from './backend.ts';

/** Where uploads go. Everything an editor uploads lands in one of these two folders. */
export const MEDIA = {
  /** Downloads (PDFs, slides) and images used in the text (<Figure src="/uploads/...">): served as they are. */
  uploads: { media_folder: '/public/uploads', public_folder: '/uploads' },
  /**
   * Cover images: stored in src/assets/uploads/ and referenced relative to the entry file
   * (content/<collection>/<locale>/<slug>.mdx → ../../../src/assets/uploads/x.jpg), so that Astro's
   * image() resolves them and optimises them (sizes, formats). Both language versions sit at the same
   * depth, so the same path works in nl/ and en/.
   */
  images: { media_folder: '/src/assets/uploads', public_folder: '../../../src/assets/uploads' },
} as const;

/** The schema with Astro's image() replaced by a plain string (the CMS only needs its shape). */
export const cmsSchemaContext = { image: () => z.string() };

export function schemaOf(name: CollectionName): z.ZodType {
  return collections[name].schema(cmsSchemaContext);
}

/** The MDX body field of the localized collections (its widget is registered in admin/mdx/). */
export const bodyField: CmsField = {
  name: 'body',
  label: cms.body.label,
  widget: 'mdx',
  required: false,
  i18n: 'translate',
  hint: cms.body.hint,
  sanitize_preview: true,
};

export interface CmsCollection {
  name: string;
  label: string;
  label_singular?: string;
  description?: string;
  folder?: string;
  files?: { name: string; label: string; file: string; fields: CmsField[] }[];
  create?: boolean;
  delete?: boolean;
  extension?: string;
  format?: string;
  slug?: string;
  identifier_field?: string;
  summary?: string;
  sortable_fields?: string[];
  i18n?: boolean;
  media_folder?: string;
  public_folder?: string;
  preview_path?: string;
  editor?: { preview: boolean };
  fields?: CmsField[];
}

export interface CmsConfig {
  backend: Record<string, unknown>;
  local_backend?: { url: string; allowed_hosts?: string[] } | boolean;
  load_config_file: false;
  locale: string;
  publish_mode?: 'simple' | 'editorial_workflow';
  site_url?: string;
  display_url?: string;
  show_preview_links?: boolean;
  media_folder: string;
  public_folder: string;
  slug: { encoding: 'ascii' | 'unicode'; clean_accents: boolean; sanitize_replacement: string };
  i18n: { structure: 'multiple_folders'; locales: string[]; default_locale: string };
  collections: CmsCollection[];
}

export interface BuildOptions {
  env?: CmsEnv;
  /** Page origin, e.g. http://127.0.0.1:4321 (for preview links). */
  origin?: string;
  /** Use decap-server (local editing) at this API URL. */
  localBackendUrl?: string;
  /** The local backend supports the review workflow (decap-server in git mode). */
  localWorkflow?: boolean;
}

/** The collection behind a Decap collection name ('settings' is the file collection). */
export function collectionFolder(name: CollectionName): string {
  return `content/${collections[name].folder}`;
}

function folderCollection(name: CollectionName): CmsCollection {
  const def = collections[name];
  const schema = schemaOf(name);
  if (def.format === 'yaml') {
    return {
      name,
      label: def.label.nl,
      label_singular: def.labelSingular.nl,
      folder: collectionFolder(name),
      create: true,
      delete: true,
      extension: 'yaml',
      format: 'yml',
      slug: '{{slug}}',
      identifier_field: 'title',
      summary: '{{title}}',
      sortable_fields: ['title', 'date'],
      ...MEDIA.uploads,
      preview_path: entryPath(name, '{{slug}}', defaultLocale).replace(/^\//, ''),
      fields: objectFields(schema, { i18n: false, media: MEDIA.uploads }),
    };
  }
  const fields = objectFields(schema, { i18n: true });
  const dateField = ['published', 'updated'].find((f) => fields.some((x) => x.name === f));
  return {
    name,
    label: def.label.nl,
    label_singular: def.labelSingular.nl,
    folder: collectionFolder(name),
    create: true,
    delete: true,
    extension: 'mdx',
    format: 'frontmatter',
    // The file name is the slug: the title in lowercase kebab-case (see the top-level `slug` rule).
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{title}}',
    sortable_fields: ['title', ...(dateField ? [dateField] : [])],
    i18n: true,
    ...MEDIA.images,
    preview_path: entryPath(name, '{{slug}}', defaultLocale).replace(/^\//, ''),
    fields: [...fields, bodyField],
  };
}

function settingsCollection(): CmsCollection {
  return {
    name: 'settings',
    label: 'Instellingen',
    description: 'Naam van de site, missie, contactgegevens en organisatie.',
    delete: false,
    editor: { preview: false },
    files: [
      {
        name: 'site',
        label: 'Site-instellingen',
        file: 'content/settings/site.yaml',
        fields: objectFields(settingsSchema(), { i18n: false }),
      },
    ],
  };
}

/** The whole CMS configuration. */
export function buildConfig(options: BuildOptions = {}): CmsConfig {
  const backend = backendConfig(options.env ?? {}, options.localBackendUrl, options.localWorkflow);
  const config: CmsConfig = {
    ...backend,
    load_config_file: false,
    locale: 'nl',
    media_folder: MEDIA.uploads.media_folder.replace(/^\//, ''),
    public_folder: MEDIA.uploads.public_folder,
    // Lowercase ASCII with single hyphens: the slugs the content checks accept (src/schema/common.ts slugPattern).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    i18n: { structure: 'multiple_folders', locales: [...locales], default_locale: defaultLocale },
    collections: [...collectionNames.map(folderCollection), settingsCollection()],
  };
  if (options.origin) {
    config.site_url = options.origin;
    config.display_url = options.origin;
    config.show_preview_links = true;
  }
  return config;
}

/**
 * The CMS configuration (admin/config, generated from src/schema) and the content model agree:
 * every schema field is in the CMS with the same required-ness, options and relations, and the CMS
 * has nothing the schema lacks. Plus the pieces that decide what the CMS writes: patterns, slugs,
 * the body round trip over every starter entry, editor components, the pre-save schema check.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { fromJS } from 'immutable';
import type { z } from 'astro/zod';
import { buildConfig, MEDIA, schemaOf, type CmsCollection, type CmsField } from '../../admin/config/index.ts';
import { backendConfig, CmsEnvError } from '../../admin/config/backend.ts';
import { regexMessages } from '../../admin/config/messages.ts';
import { REGISTERED_WIDGETS } from '../../admin/widgets/registered.ts';
import { mdxFrontmatter, cleanYaml } from '../../admin/format/formats.ts';
import { dropEmpty } from '../../admin/format/clean.ts';
import { checkMdx } from '../../admin/mdx/guard.ts';
import { editorComponents, toMdx } from '../../admin/mdx/components.ts';
import { preSaveCheck, validateData } from '../../admin/validate.ts';
import { collections, collectionNames, settingsSchema } from '../../src/schema/index.ts';
import { fieldMeta } from '../../src/schema/field.ts';
import { slugPattern } from '../../src/schema/common.ts';
import { vocabularies, type VocabularyName } from '../../src/schema/vocabularies.ts';
import { allowedComponentNames, allowedComponents } from '../../src/components/mdx/allowlist.ts';
import { projectRoot } from '../helpers/paths.ts';

const config = buildConfig({ localBackendUrl: 'http://127.0.0.1:8081/api/v1', origin: 'http://127.0.0.1:4321' });
const byName = new Map(config.collections.map((c) => [c.name, c]));

// ---------------------------------------------------------------------------------------------
// An independent, minimal reading of the zod schemas (not admin/config/zod.ts).

type AnyDef = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  entries?: Record<string, string>;
  options?: z.ZodType[];
};
const d = (s: z.ZodType) => (s as unknown as { def: AnyDef }).def;

function peel(s: z.ZodType): { core: z.ZodType; required: boolean } {
  let required = true;
  let cur = s;
  for (;;) {
    const def = d(cur);
    if (['optional', 'nullable', 'default', 'prefault'].includes(def.type)) {
      required = false;
      cur = def.innerType!;
    } else if (def.type === 'pipe') cur = def.in!;
    else if (def.type === 'readonly' || def.type === 'catch') cur = def.innerType!;
    else return { core: cur, required };
  }
}

interface SchemaLeaf {
  path: string;
  required: boolean;
  enumIds?: string[];
  vocabulary?: string;
  relation?: string;
  kind: string;
}

function schemaLeaves(schema: z.ZodType, prefix = ''): SchemaLeaf[] {
  const { core } = peel(schema);
  const out: SchemaLeaf[] = [];
  for (const [key, child] of Object.entries(d(core).shape ?? {})) {
    const path = prefix ? `${prefix}.${key}` : key;
    const { core: c, required } = peel(child);
    const meta = fieldMeta(child);
    const def = d(c);
    const el = def.type === 'array' ? peel(def.element!).core : undefined;
    const enumDef = def.type === 'enum' ? def : el && d(el).type === 'enum' ? d(el) : undefined;
    out.push({
      path,
      required,
      kind: def.type,
      enumIds: enumDef ? Object.values(enumDef.entries ?? {}) : undefined,
      vocabulary: meta?.vocabulary,
      relation: meta?.relation,
    });
    if (def.type === 'object') out.push(...schemaLeaves(c, path));
    if (el && d(el).type === 'object') out.push(...schemaLeaves(el, `${path}[]`));
  }
  return out;
}

function configLeaves(fields: CmsField[], prefix = ''): { path: string; field: CmsField }[] {
  const out: { path: string; field: CmsField }[] = [];
  for (const f of fields) {
    const path = prefix ? `${prefix}.${f.name}` : f.name;
    out.push({ path, field: f });
    if (f.widget === 'object' && f.fields) out.push(...configLeaves(f.fields, path));
    if (f.widget === 'list' && f.fields) out.push(...configLeaves(f.fields, `${path}[]`));
  }
  return out;
}

const models: [string, z.ZodType, CmsField[]][] = [
  ...collectionNames.map((n) => [n, schemaOf(n), byName.get(n)!.fields!] as [string, z.ZodType, CmsField[]]),
  ['settings', settingsSchema(), byName.get('settings')!.files![0]!.fields],
];

describe('CMS config ↔ content model parity', () => {
  it('has a collection for every collection of the model, plus the settings file', () => {
    expect(config.collections.map((c) => c.name).sort()).toEqual([...collectionNames, 'settings'].sort());
    expect(byName.get('settings')!.files![0]!.file).toBe('content/settings/site.yaml');
  });

  it.each(models)(
    '%s: every schema field is in the CMS with the same required-ness, options and relation',
    (name, schema, fields) => {
      const cms = new Map(configLeaves(fields).map((l) => [l.path, l.field]));
      for (const leaf of schemaLeaves(schema)) {
        const field = cms.get(leaf.path);
        expect(field, `${name}.${leaf.path} is missing from the CMS config`).toBeDefined();
        expect(field!.required, `${name}.${leaf.path}: required-ness`).toBe(leaf.required);
        expect(field!.label, `${name}.${leaf.path}: Dutch label`).toBe(
          fieldMeta(schemaAt(schema, leaf.path))?.label.nl,
        );
        if (leaf.relation) {
          expect(field!.widget).toBe('relation');
          expect(field!.collection).toBe(leaf.relation);
          expect(field!.value_field).toBe('{{slug}}');
          expect(field!.search_fields).toEqual(['title']);
          expect(field!.multiple ?? false).toBe(leaf.kind === 'array');
        } else if (leaf.enumIds) {
          expect(field!.widget, `${name}.${leaf.path}`).toBe('select');
          expect(field!.options!.map((o) => o.value)).toEqual(leaf.enumIds);
          expect(field!.multiple ?? false).toBe(leaf.kind === 'array');
          if (leaf.vocabulary) {
            const terms = vocabularies[leaf.vocabulary as VocabularyName];
            expect(field!.options).toEqual(terms.map((t) => ({ value: t.id, label: t.label.nl })));
          }
        }
      }
    },
  );

  it.each(models)('%s: the CMS has no field the schema lacks', (name, schema, fields) => {
    const known = new Set(schemaLeaves(schema).map((l) => l.path));
    const isMdx = name in collections && collections[name as keyof typeof collections].format === 'mdx';
    for (const { path } of configLeaves(fields)) {
      if (isMdx && path === 'body') continue; // the MDX text below the frontmatter
      expect(known.has(path), `${name}: CMS field "${path}" is not in the schema`).toBe(true);
    }
  });

  it('every relation points at a real collection, by its language-neutral slug, searched by title', () => {
    const names = new Set(config.collections.map((c) => c.name));
    const relations = config.collections
      .flatMap((c) => configLeaves(c.fields ?? c.files?.flatMap((f) => f.fields) ?? []).map((l) => l.field))
      .filter((f) => f.widget === 'relation');
    expect(relations.length).toBeGreaterThan(5);
    for (const r of relations) {
      expect(names.has(r.collection!), `relation to unknown collection ${r.collection}`).toBe(true);
      expect(byName.get(r.collection!)!.fields!.some((f) => f.name === 'title')).toBe(true);
    }
  });

  it('uses only widgets the slim CMS registers', () => {
    const used = new Set(
      config.collections.flatMap((c) =>
        configLeaves(c.fields ?? c.files!.flatMap((f) => f.fields)).map((l) => l.field.widget),
      ),
    );
    for (const c of editorComponents) for (const f of c.fields) used.add(f.widget);
    for (const w of used) expect(REGISTERED_WIDGETS as readonly string[], `widget ${w}`).toContain(w);
  });

  it('localized collections are MDX with frontmatter in nl/ and en/ folders; materials are language-neutral YAML', () => {
    expect(config.i18n).toEqual({ structure: 'multiple_folders', locales: ['nl', 'en'], default_locale: 'nl' });
    expect(config.locale).toBe('nl');
    for (const name of collectionNames) {
      const c = byName.get(name)!;
      expect(c.folder).toBe(`content/${collections[name].folder}`);
      if (collections[name].format === 'mdx') {
        expect(c).toMatchObject({ extension: 'mdx', format: 'frontmatter', i18n: true, create: true });
        expect(c.fields!.at(-1)).toMatchObject({ name: 'body', widget: 'mdx', sanitize_preview: true });
      } else {
        expect(c).toMatchObject({ extension: 'yaml', format: 'yml' });
        expect(c.i18n).toBeUndefined();
      }
    }
  });

  it('dates and times use the storage formats of the schema', () => {
    const events = configLeaves(byName.get('events')!.fields!);
    const start = events.find((l) => l.path === 'start')!.field;
    expect(start).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DDTHH:mm', picker_utc: false });
    expect(events.find((l) => l.path === 'sessions[].end')!.field).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DDTHH:mm',
    });
    expect(events.find((l) => l.path === 'published')!.field).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      time_format: false,
    });
  });

  it('images go through Astro (relative to the entry), downloads and figures to /uploads/', () => {
    expect(config.media_folder).toBe('public/uploads');
    expect(config.public_folder).toBe('/uploads');
    const practices = byName.get('practices')!;
    expect(practices).toMatchObject(MEDIA.images);
    // content/practices/nl/x.mdx + ../../../src/assets/uploads → src/assets/uploads
    expect(join('content/practices/nl', MEDIA.images.public_folder)).toBe(MEDIA.images.media_folder.slice(1));
    expect(byName.get('materials')!.fields!.find((f) => f.name === 'file')).toMatchObject({
      widget: 'file',
      ...MEDIA.uploads,
    });
    expect(editorComponents.find((c) => c.id === 'Figure')!.fields.find((f) => f.name === 'src')).toMatchObject({
      widget: 'image',
      ...MEDIA.uploads,
    });
  });
});

function schemaAt(schema: z.ZodType, path: string): z.ZodType {
  let cur = schema;
  for (const part of path.split('.')) {
    const isList = part.endsWith('[]');
    const key = part.replace(/\[\]$/, '');
    cur = d(peel(cur).core).shape![key]!;
    if (isList) cur = d(peel(cur).core).element!;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------

describe('patterns derived from the schema', () => {
  const all = models.flatMap(([name, , fields]) => configLeaves(fields).map((l) => ({ name, ...l })));
  const find = (name: string, path: string) => all.find((l) => l.name === name && l.path === path)!.field;
  const test = (f: CmsField, v: string) => new RegExp(f.pattern![0]).test(v);

  it('every pattern compiles and has a Dutch message', () => {
    const withPattern = all.filter((l) => l.field.pattern);
    expect(withPattern.length).toBeGreaterThan(10);
    for (const { field } of withPattern) {
      expect(() => new RegExp(field.pattern![0])).not.toThrow();
      expect(field.pattern![1]).toMatch(/^gebruik /);
    }
    for (const re of Object.keys(regexMessages)) expect(() => new RegExp(re)).not.toThrow();
  });

  it('slugs, URLs and e-mail addresses', () => {
    const id = find('events', 'sessions[].id');
    expect(id.pattern![0]).toBe(slugPattern.source);
    expect(test(id, 'workshop-samen-hier')).toBe(true);
    expect(test(id, 'Workshop Samen Hier')).toBe(false);
    const url = find('events', 'registration');
    expect(test(url, 'https://samenhier.nl/aanmelden')).toBe(true);
    expect(test(url, 'samenhier.nl')).toBe(false);
    expect(test(url, 'javascript:alert(1)')).toBe(false);
    const email = find('settings', 'email');
    expect(test(email, 'info@samenhier.nl')).toBe(true);
    expect(test(email, 'info at samenhier')).toBe(false);
    const title = find('practices', 'title');
    expect(test(title, 'Ab')).toBe(false);
    expect(test(title, 'Abc')).toBe(true);
    expect(test(title, 'x'.repeat(121))).toBe(false);
    const value = find('cases', 'figures[].value');
    expect(test(value, '12')).toBe(true);
    expect(test(value, 'unknown')).toBe(true);
    expect(test(value, 'veel')).toBe(false);
  });

  it('required lists keep their minimum (a practice needs a theme, an event an organiser)', () => {
    expect(find('practices', 'themes')).toMatchObject({ widget: 'select', multiple: true, min: 1, required: true });
    expect(find('events', 'organisers')).toMatchObject({ widget: 'list', min: 1, required: true });
  });

  it('file names follow the content checks: lowercase ASCII kebab-case from the title', () => {
    expect(config.slug).toEqual({ encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' });
    for (const c of config.collections.filter((c) => c.folder)) expect(c.slug).toBe('{{slug}}');
  });
});

describe('backend from the environment', () => {
  it('local only: decap-server, simple publishing, no remote service', () => {
    expect(backendConfig({}, 'http://127.0.0.1:8081/api/v1')).toMatchObject({
      backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1' },
      local_backend: { url: 'http://127.0.0.1:8081/api/v1' },
      publish_mode: 'simple',
    });
  });
  it('github with repo, branch and OAuth provider; editorial workflow on', () => {
    const c = backendConfig({
      PUBLIC_CMS_BACKEND: 'github',
      PUBLIC_CMS_REPO: 'samenhier/kennisplatform',
      PUBLIC_CMS_BRANCH: 'main',
      PUBLIC_CMS_BASE_URL: 'https://auth.example.org/',
    });
    expect(c).toEqual({
      backend: {
        name: 'github',
        repo: 'samenhier/kennisplatform',
        branch: 'main',
        base_url: 'https://auth.example.org',
      },
      publish_mode: 'editorial_workflow',
    });
  });
  it('git-gateway', () => {
    expect(backendConfig({ PUBLIC_CMS_BACKEND: 'git-gateway' })).toMatchObject({
      backend: { name: 'git-gateway', branch: 'main' },
      publish_mode: 'editorial_workflow',
    });
  });
  it('refuses a missing or unknown backend with a message', () => {
    expect(() => backendConfig({})).toThrow(CmsEnvError);
    expect(() => backendConfig({ PUBLIC_CMS_BACKEND: 'github' })).toThrow(/PUBLIC_CMS_REPO/);
    expect(() => backendConfig({ PUBLIC_CMS_BACKEND: 'bitbucket' })).toThrow(
      /not supported: use github, gitlab, gitea, forgejo or git-gateway/,
    );
  });
  it('local with the review workflow when decap-server keeps drafts in git (npm run start:review)', () => {
    expect(backendConfig({}, 'http://127.0.0.1:8081/api/v1', true)).toMatchObject({
      backend: { name: 'proxy' },
      publish_mode: 'editorial_workflow',
    });
  });
  it('gitlab.com with PKCE: no login server, the OAuth application id from the environment', () => {
    const c = backendConfig({
      PUBLIC_CMS_BACKEND: 'gitlab',
      PUBLIC_CMS_REPO: 'samenhier/kennisplatform',
      PUBLIC_CMS_APP_ID: 'abc123',
    });
    expect(c).toEqual({
      backend: {
        name: 'gitlab',
        repo: 'samenhier/kennisplatform',
        branch: 'main',
        base_url: 'https://gitlab.com',
        api_root: 'https://gitlab.com/api/v4',
        auth_endpoint: 'oauth/authorize',
        auth_type: 'pkce',
        app_id: 'abc123',
      },
      publish_mode: 'editorial_workflow',
    });
  });
  it('self-hosted GitLab in a subgroup, with its own address', () => {
    const c = backendConfig({
      PUBLIC_CMS_BACKEND: 'gitlab',
      PUBLIC_CMS_REPO: 'org/web/kennisplatform',
      PUBLIC_CMS_APP_ID: 'abc',
      PUBLIC_CMS_BASE_URL: 'https://git.example.nl/',
    });
    expect(c.backend).toMatchObject({
      repo: 'org/web/kennisplatform',
      base_url: 'https://git.example.nl',
      api_root: 'https://git.example.nl/api/v4',
    });
  });
  it('Forgejo (e.g. Codeberg) with PKCE and the review workflow', () => {
    const c = backendConfig({
      PUBLIC_CMS_BACKEND: 'forgejo',
      PUBLIC_CMS_REPO: 'samenhier/kennisplatform',
      PUBLIC_CMS_APP_ID: 'f0f0',
      PUBLIC_CMS_BASE_URL: 'https://codeberg.org',
    });
    expect(c).toEqual({
      backend: {
        name: 'forgejo',
        repo: 'samenhier/kennisplatform',
        branch: 'main',
        base_url: 'https://codeberg.org',
        api_root: 'https://codeberg.org/api/v1',
        auth_endpoint: 'login/oauth/authorize',
        app_id: 'f0f0',
      },
      publish_mode: 'editorial_workflow',
    });
  });
  it("Gitea with PKCE; Decap's Gitea backend has no review workflow, so it publishes directly", () => {
    const c = backendConfig({
      PUBLIC_CMS_BACKEND: 'gitea',
      PUBLIC_CMS_REPO: 'samenhier/kennisplatform',
      PUBLIC_CMS_APP_ID: 'g1',
      PUBLIC_CMS_BASE_URL: 'https://gitea.example.nl',
    });
    expect(c).toEqual({
      backend: {
        name: 'gitea',
        repo: 'samenhier/kennisplatform',
        branch: 'main',
        base_url: 'https://gitea.example.nl',
        api_root: 'https://gitea.example.nl/api/v1',
        auth_endpoint: 'login/oauth/authorize',
        app_id: 'g1',
      },
      publish_mode: 'simple',
    });
  });
  it('refuses an incomplete PKCE setup with the variable to set', () => {
    expect(() => backendConfig({ PUBLIC_CMS_BACKEND: 'gitlab', PUBLIC_CMS_REPO: 'a/b' })).toThrow(/PUBLIC_CMS_APP_ID/);
    expect(() =>
      backendConfig({ PUBLIC_CMS_BACKEND: 'gitea', PUBLIC_CMS_REPO: 'a/b', PUBLIC_CMS_APP_ID: 'x' }),
    ).toThrow(/PUBLIC_CMS_BASE_URL/);
    expect(() =>
      backendConfig({
        PUBLIC_CMS_BACKEND: 'forgejo',
        PUBLIC_CMS_APP_ID: 'x',
        PUBLIC_CMS_BASE_URL: 'https://codeberg.org',
      }),
    ).toThrow(/PUBLIC_CMS_REPO/);
    expect(() =>
      backendConfig({
        PUBLIC_CMS_BACKEND: 'forgejo',
        PUBLIC_CMS_REPO: 'a/b',
        PUBLIC_CMS_APP_ID: 'x',
        PUBLIC_CMS_BASE_URL: 'http://codeberg.org',
      }),
    ).toThrow(/https:\/\//);
  });
  it('registers a Decap backend for every backend name the environment may choose', () => {
    const source = readFileSync(join(projectRoot, 'admin/cms.ts'), 'utf8');
    for (const name of ['github', 'git-gateway', 'gitlab', 'gitea', 'forgejo', 'proxy'])
      expect(source).toContain(`CMS.registerBackend('${name}'`);
  });
});

// ---------------------------------------------------------------------------------------------

function starterFiles(): { file: string; collection: string }[] {
  const out: { file: string; collection: string }[] = [];
  for (const name of collectionNames) {
    const def = collections[name];
    for (const locale of def.format === 'mdx' ? ['nl', 'en'] : ['']) {
      const dir = join(projectRoot, 'content', def.folder, locale);
      if (!existsSync(dir)) continue;
      for (const f of readdirSync(dir).filter((f) => f.endsWith(def.format === 'mdx' ? '.mdx' : '.yaml')))
        out.push({ file: join(dir, f), collection: name });
    }
  }
  return out;
}

/** Body as Astro and the content checks split it (@astrojs frontmatter pattern). */
function bodyOf(text: string): string {
  const m = /(?:^\uFEFF?|^\s*\n)(?:---)([\s\S]*?\n)(?:---)/.exec(text)!;
  return text.slice(m.index + m[0].length);
}

describe('what the CMS writes', () => {
  const files = starterFiles();
  const mdx = files.filter((f) => f.file.endsWith('.mdx'));

  it('there is starter content to test with', () => {
    expect(mdx.length).toBeGreaterThan(0);
  });

  it.each(mdx.map((f) => [f.file.slice(projectRoot.length), f] as const))(
    '%s: open and save without change keeps the body byte-identical and the data equal',
    (_, { file }) => {
      const original = readFileSync(file, 'utf8');
      const data = mdxFrontmatter.fromFile(original);
      // The body widget hands back exactly what it was given (admin/mdx/widget.tsx); Decap's
      // formatter writes "---\n<yaml>---\n" + body.
      const saved = mdxFrontmatter.toFile(JSON.parse(JSON.stringify(data)));
      expect(bodyOf(saved)).toBe(bodyOf(original));
      const parse = (t: string) => yaml.load(/^---\n([\s\S]*?\n)---/.exec(t)![1]!);
      expect(parse(saved)).toEqual(parse(original));
      expect(checkMdx(bodyOf(saved)), 'the admin guard accepts every starter body').toEqual([]);
    },
  );

  it.each(files.filter((f) => f.file.endsWith('.yaml')).map((f) => [f.file.slice(projectRoot.length), f] as const))(
    '%s: materials round-trip',
    (_, { file }) => {
      const original = readFileSync(file, 'utf8');
      expect(yaml.load(cleanYaml.toFile(cleanYaml.fromFile(original)))).toEqual(yaml.load(original));
    },
  );

  it('drops empty optional values and does not write an untranslated English stub', () => {
    expect(dropEmpty({ title: 'A', cover: { src: '', alt: '' }, url: '', themes: [], body: '\n' })).toEqual({
      title: 'A',
      themes: [],
      body: '\n',
    });
    expect(mdxFrontmatter.toFile({ published: '2024-05-16', themes: ['matching'], body: '' })).toBe('');
    expect(mdxFrontmatter.toFile({ title: 'Title', body: 'Text\n' })).toBe('---\ntitle: Title\n---\nText\n');
  });
});

describe('editor components', () => {
  it('there is one for every allow-listed component', () => {
    expect(editorComponents.map((c) => c.id)).toEqual(allowedComponentNames);
  });

  const tricky = 'Say "hi" & <b>{bye}</b>';
  it.each(allowedComponentNames)('%s serialises to JSX the guard accepts, with plain string attributes', (name) => {
    const spec = allowedComponents[name];
    const data: Record<string, string> = {};
    // Addresses and ids must be valid (the schemas in src/components/mdx/props.ts), with the tricky characters where they may be.
    const valid: Record<string, string> = {
      link: 'https://www.example.org/?q="hi"&x=<b>',
      image: '/uploads/a "b" & c.png',
      video: 'https://www.youtube.com/watch?v=a&t="1"',
      materials: 'handout',
    };
    for (const [attr, a] of Object.entries(spec.attributes))
      data[attr] = a.values?.[1] ?? valid[a.url ?? a.relation ?? ''] ?? `${attr}: ${tricky}`;
    if (spec.children) data.children = `Line one with ${tricky}\n\n- item {x}`;
    const mdx = toMdx(name, data);
    expect(mdx).not.toMatch(/=\{/);
    expect(checkMdx(mdx)).toEqual([]);
    const component = editorComponents.find((c) => c.id === name)!;
    const match = mdx.match(component.pattern)!;
    expect(match, 'the pattern recognises the serialised block').not.toBeNull();
    const back = component.fromBlock(match);
    for (const attr of Object.keys(spec.attributes)) expect(back[attr]).toBe(data[attr]!.replace(/\s*\n\s*/g, ' '));
  });

  it('required attributes are required in the form', () => {
    for (const c of editorComponents) {
      const spec = allowedComponents[c.id];
      for (const [attr, a] of Object.entries(spec.attributes))
        expect(c.fields.find((f) => f.name === attr)!.required).toBe(a.required);
    }
  });
});

describe('the body check refuses what the content guard refuses', () => {
  it.each([
    ['import x from "y"\n\nText', /import\/export/],
    ['export const a = 1', /import\/export/],
    ['Sum: {1 + 1}', /accolades/],
    ['<script>alert(1)</script>', /HTML-tag <script>/],
    ['<Callout kind="x">a</Callout>', /kent geen eigenschap "kind"/],
    ['<Callout type="danger">a</Callout>', /kies uit info, tip, warning/],
    ['<Quote>no source</Quote>', /verplichte eigenschap source/],
    ['<Figure src="/uploads/a.jpg" alt={x} />', /accolades/],
    ['<Unknown />', /geen onderdeel/],
    ['<Callout>unclosed', /kan niet gelezen worden/],
  ])('%s', (text, message) => {
    const problems = checkMdx(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('accepts ordinary Markdown with escaped braces', () => {
    expect(checkMdx('## Kop\n\nTekst met \\{accolades\\} en 2 * 3 * 4.\n\n1. een\n2. twee\n')).toEqual([]);
  });

  it('the save itself (preSave) refuses a body of either language the guard refuses, naming version, line and column', async () => {
    const entry = (nl: string, en: string) =>
      fromJS({
        collection: 'pages',
        data: { title: 'Over ons', description: 'Een pagina over ons.', updated: '2026-12-01', body: nl },
        i18n: { en: { data: { body: en } } },
      });
    await expect(preSaveCheck({ entry: entry('Tekst[^1].\n\n[^1]: {1+1}\n', '## About\n') })).rejects.toThrow(
      /^Tekst: regel 3, kolom 7: \{1\+1\} tussen accolades/,
    );
    await expect(preSaveCheck({ entry: entry('## Over\n', '<script>x</script>\n') })).rejects.toThrow(
      /^Engelse versie › Tekst: regel 1, kolom 1: .*HTML-tag <script>/,
    );
    await expect(preSaveCheck({ entry: entry('## Over\n\nGewone tekst.\n', '') })).resolves.toBeUndefined();
  });
});

describe('the schema check before saving (cross-field rules)', () => {
  const event = {
    title: 'Congres',
    summary: 'Een samenvatting van het congres.',
    published: '2024-05-01',
    type: 'congress',
    start: '2024-05-16T09:30',
    end: '2024-05-16T17:00',
    organisers: ['Justice & Peace'],
    venue: { name: 'Zaal', city: 'Utrecht' },
  };
  it('accepts a valid event', () => {
    expect(validateData('events', event)).toEqual([]);
    // The body is not a frontmatter field; any key the schema does not define is refused before saving.
    expect(validateData('events', { ...event, body: '## Programma\n' })).toEqual([]);
    expect(validateData('events', { ...event, layout: 'data:text/javascript,alert(1)' })).toMatchObject([
      { path: [], message: expect.stringMatching(/^"layout" is not a field of this content type: remove that line/) },
    ]);
  });
  it('an event must end after it starts', () => {
    const problems = validateData('events', {
      ...event,
      allDay: false,
      start: '2024-05-16T09:00',
      end: '2024-05-16T08:00',
    });
    expect(problems).toMatchObject([{ where: 'Eindigt', message: expect.stringMatching(/eindigen na het begin/) }]);
  });
  it('an all-day event may end on the day it starts, not before', () => {
    expect(
      validateData('events', { ...event, allDay: true, start: '2024-05-16T09:00', end: '2024-05-16T08:00' }),
    ).toEqual([]);
    expect(
      validateData('events', { ...event, allDay: true, start: '2024-05-16T09:00', end: '2024-05-15T18:00' }),
    ).toMatchObject([{ where: 'Eindigt', message: expect.stringMatching(/hele dagen/) }]);
  });
  it('a session has both times or neither', () => {
    expect(validateData('events', { ...event, sessions: [{ id: 'a', title: 'Sessie' }] })).toEqual([]);
    expect(
      validateData('events', { ...event, sessions: [{ id: 'a', title: 'Sessie', start: '2024-05-16T10:00' }] }),
    ).toMatchObject([{ where: 'Sessies › 1 › Eindigt', message: expect.stringMatching(/allebei leeg/) }]);
  });
  it('a session must end after it starts', () => {
    const problems = validateData('events', {
      ...event,
      sessions: [{ id: 'a', title: 'Sessie', start: '2024-05-16T10:00', end: '2024-05-16T09:00' }],
    });
    expect(problems).toMatchObject([{ where: 'Sessies › 1 › Eindigt' }]);
  });
  it('a venue or an online link; a material needs a file or a URL', () => {
    expect(validateData('events', { ...event, venue: { name: '', city: '' } })[0]!.message).toMatch(/locatie/);
    expect(
      validateData('materials', {
        title: 'Hand-out',
        description: 'Een hand-out bij de workshop.',
        type: 'handout',
        language: 'nl',
        date: '2024-05-16',
      })[0]!.message,
    ).toMatch(/bestand/);
  });
});

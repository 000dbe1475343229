/**
 * The file formats the CMS writes, registered under Decap's own names (`frontmatter` for the MDX
 * collections, `yml` for materials) so the config reads as plain Decap. They are Decap's own
 * formatters (same parsing, same YAML output, the body passed through untouched) with two additions:
 * empty optional values are dropped (format/clean.ts), and a language version without a title (the
 * untranslated English stub Decap prepares for every new entry) is not written at all.
 */
import { FrontmatterFormatter } from 'decap-cms-core/dist/esm/formats/frontmatter.js';
import yamlFormatter from 'decap-cms-core/dist/esm/formats/yaml.js';
import { dropEmpty, isUntranslatedStub } from './clean.ts';

type Data = Record<string, unknown> & { body?: string };

const frontmatter = new FrontmatterFormatter('yaml');

export const mdxFrontmatter = {
  fromFile(content: string): Data {
    return frontmatter.fromFile(content) as Data;
  },
  toFile(data: Data, sortedKeys?: string[], comments?: Record<string, string>): string {
    if (isUntranslatedStub(data)) return '';
    return frontmatter.toFile(dropEmpty(data), sortedKeys, comments);
  },
};

export const cleanYaml = {
  fromFile(content: string): Data {
    return yamlFormatter.fromFile(content) as Data;
  },
  toFile(data: Data, sortedKeys?: string[], comments?: Record<string, string>): string {
    return yamlFormatter.toFile(dropEmpty(data), sortedKeys, comments);
  },
};

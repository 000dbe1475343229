/** Editorial site settings from content/settings/site.yaml, validated once at build time. */
import { readFileSync } from 'node:fs';
import { settingsSchema, type SiteSettings } from '../schema/settings.ts';
import { CONTENT_DIR } from '../site.config.ts';
import { readYaml } from '../integrations/content-guard/yaml.ts';

export const SETTINGS_FILE = `${CONTENT_DIR}/settings/site.yaml`;

function loadSettings(): SiteSettings {
  const read = readYaml(readFileSync(SETTINGS_FILE, 'utf8'));
  if (read.problems.length) {
    const problems = read.problems
      .map((p) => `  ${SETTINGS_FILE}:${p.line}:${p.column} ${p.message}\n  Fix: ${p.hint}`)
      .join('\n');
    throw new Error(`${SETTINGS_FILE} could not be read:\n${problems}`);
  }
  const raw = read.value;
  const result = settingsSchema().safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  field "${i.path.join('.')}": ${i.message}`).join('\n');
    throw new Error(
      `${SETTINGS_FILE} is not valid:\n${problems}\nFix the fields above (or edit them in the CMS under "Instellingen").`,
    );
  }
  return result.data;
}

export const settings = loadSettings();

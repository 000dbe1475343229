/** Widget names admin/cms.ts registers; the generated config may use only these (tests/unit/cms-config.test.ts). */
export const REGISTERED_WIDGETS = [
  'string',
  'text',
  'number',
  'boolean',
  'select',
  'relation',
  'list',
  'object',
  'datetime',
  'image',
  'file',
  'mdx',
] as const;

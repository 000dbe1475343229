/** Decap's packages other than decap-cms-core ship no type declarations. */
declare module 'decap-cms-backend-github' {
  export const GitHubBackend: unknown;
}
declare module 'decap-cms-backend-git-gateway' {
  export const GitGatewayBackend: unknown;
}
declare module 'decap-cms-backend-proxy' {
  export const ProxyBackend: unknown;
}
declare module 'decap-cms-backend-gitlab' {
  export const GitLabBackend: unknown;
}
declare module 'decap-cms-backend-gitea' {
  export const GiteaBackend: unknown;
}
declare module 'decap-cms-backend-forgejo' {
  export const ForgejoBackend: unknown;
}
declare module 'decap-cms-locales/dist/esm/*/index.js' {
  const phrases: Record<string, unknown>;
  export default phrases;
}
declare module 'decap-cms-widget-*' {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const widget: { Widget: (opts?: Record<string, unknown>) => any; controlComponent: any; previewComponent: any };
  export default widget;
}
declare module 'decap-cms-core/dist/esm/formats/frontmatter.js' {
  export class FrontmatterFormatter {
    constructor(format?: 'yaml' | 'toml' | 'json');
    fromFile(content: string): Record<string, unknown>;
    toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string;
  }
}
declare module 'decap-cms-core/dist/esm/formats/yaml.js' {
  const yaml: {
    fromFile(content: string): Record<string, unknown>;
    toFile(data: object, sortedKeys?: string[], comments?: Record<string, string>): string;
  };
  export default yaml;
}

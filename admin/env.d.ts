/// <reference types="vite/client" />
/** Build-time settings of the CMS backend (README "Editing content (CMS)"). */
interface ImportMetaEnv {
  readonly PUBLIC_CMS_BACKEND?: string;
  readonly PUBLIC_CMS_REPO?: string;
  readonly PUBLIC_CMS_BRANCH?: string;
  readonly PUBLIC_CMS_BASE_URL?: string;
  readonly PUBLIC_CMS_AUTH_ENDPOINT?: string;
  readonly PUBLIC_CMS_WORKFLOW?: string;
  readonly PUBLIC_CMS_APP_ID?: string;
  readonly PUBLIC_CMS_API_ROOT?: string;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}

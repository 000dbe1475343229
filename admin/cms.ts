/**
 * The CMS, slim: decap-cms-core plus only the backends, widgets and UI language this project uses
 * (decap-cms-app would bundle every backend, every widget, the Slate rich-text editor and 30 UI
 * languages). Add a widget here when the content model needs one; the parity test fails if the
 * generated config uses a widget that is not registered.
 */
import CMS from 'decap-cms-core';
import { GitHubBackend } from 'decap-cms-backend-github';
import { GitGatewayBackend } from 'decap-cms-backend-git-gateway';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import { GitLabBackend } from 'decap-cms-backend-gitlab';
import { GiteaBackend } from 'decap-cms-backend-gitea';
import { ForgejoBackend } from 'decap-cms-backend-forgejo';
import DecapCmsWidgetString from 'decap-cms-widget-string';
import DecapCmsWidgetText from 'decap-cms-widget-text';
import DecapCmsWidgetNumber from 'decap-cms-widget-number';
import DecapCmsWidgetBoolean from 'decap-cms-widget-boolean';
import DecapCmsWidgetSelect from 'decap-cms-widget-select';
import DecapCmsWidgetList from 'decap-cms-widget-list';
import DecapCmsWidgetDatetime from 'decap-cms-widget-datetime';
import DecapCmsWidgetImage from 'decap-cms-widget-image';
import DecapCmsWidgetFile from 'decap-cms-widget-file';
import { decapPhrasesNl } from './i18n/phrases.ts';
import { OptionalObjectWidget } from './widgets/optional-object.tsx';
import { RelationWidget } from './widgets/relation.tsx';
import { MdxWidget } from './mdx/widget.tsx';

export { REGISTERED_WIDGETS } from './widgets/registered.ts';

let registered = false;

export function registerCms(): typeof CMS {
  if (registered) return CMS;
  registered = true;
  CMS.registerBackend('github', GitHubBackend);
  CMS.registerBackend('git-gateway', GitGatewayBackend);
  // Hosts where editors log in from the browser (PKCE): no login server needed.
  CMS.registerBackend('gitlab', GitLabBackend);
  CMS.registerBackend('gitea', GiteaBackend);
  CMS.registerBackend('forgejo', ForgejoBackend);
  // decap-server (local editing) speaks the proxy protocol.
  CMS.registerBackend('proxy', ProxyBackend);
  CMS.registerWidget([
    DecapCmsWidgetString.Widget(),
    DecapCmsWidgetText.Widget(),
    DecapCmsWidgetNumber.Widget(),
    DecapCmsWidgetBoolean.Widget(),
    DecapCmsWidgetSelect.Widget(),
    RelationWidget(),
    DecapCmsWidgetList.Widget(),
    OptionalObjectWidget(),
    DecapCmsWidgetDatetime.Widget(),
    DecapCmsWidgetImage.Widget(),
    DecapCmsWidgetFile.Widget(),
    MdxWidget(),
    // Decap's typings name a single widget here; at run time it takes an array (decap-cms-app does the same).
  ] as unknown as Parameters<typeof CMS.registerWidget>[0]);
  CMS.registerLocale('nl', decapPhrasesNl);
  // Before Decap has read the config it renders its loading screen in its default locale, `en`; this CMS
  // speaks Dutch only, so that screen gets the Dutch phrases too (instead of "missing translation" warnings).
  CMS.registerLocale('en', decapPhrasesNl);
  return CMS;
}

/**
 * The component map passed to <Content components={mdxComponents} />. Its keys must be exactly the
 * allow-list in allowlist.ts (a unit test checks this), so content can use nothing else.
 */
import Callout from './Callout.astro';
import Quote from './Quote.astro';
import Figure from './Figure.astro';
import Steps from './Steps.astro';
import MaterialLink from './MaterialLink.astro';
import VideoEmbed from './VideoEmbed.astro';
import type { AllowedComponentName } from './allowlist.ts';

export const mdxComponents = { Callout, Quote, Figure, Steps, MaterialLink, VideoEmbed } satisfies Record<
  AllowedComponentName,
  unknown
>;

/**
 * The content guard's violations in English, as the build's content check prints them: what is
 * wrong (`message`) and how to fix it (`hint`, printed after "Fix: ").
 */
import { allowedComponentNames } from '../../components/mdx/allowlist.ts';
import { COMPONENT_LIST, shorten, type MessageTable } from './rules.ts';

export interface EnglishMessage {
  message: string;
  hint: string;
}

const short = (code: string, max = 40) => shorten(code, max, '...');

/** What to use instead of common HTML tags. */
const HTML_ALTERNATIVES: Record<string, string> = {
  script: 'scripts are never allowed in content: remove the whole <script> element',
  style: 'styling is done by the site, not in content: remove the <style> element',
  iframe: 'to embed a video use <VideoEmbed url="..." title="..." transcript="..." />; other embeds are not possible',
  video: 'use <VideoEmbed url="..." title="..." transcript="..." />',
  img: 'use Markdown ![description](/uploads/photo.jpg) or <Figure src="..." alt="..." />',
  a: 'write a Markdown link: [link text](https://www.example.org)',
  br: 'to start a new line, end the line with a backslash (\\) or leave an empty line for a new paragraph',
  blockquote: 'start the lines with "> " or use <Quote source="...">...</Quote>',
  b: 'write **bold** in Markdown',
  strong: 'write **bold** in Markdown',
  i: 'write *italic* in Markdown',
  em: 'write *italic* in Markdown',
  h1: 'write headings in Markdown: ## Heading',
  h2: 'write headings in Markdown: ## Heading',
  h3: 'write headings in Markdown: ### Heading',
  ul: 'write a list in Markdown: each item on a line starting with "- "',
  ol: 'write a numbered list in Markdown: "1. ", "2. ", ... or use <Steps>',
  li: 'write list items in Markdown: lines starting with "- "',
  table: 'write a Markdown table (| column | column |)',
};

export const englishMessages: MessageTable<EnglishMessage> = {
  unreadable: (v) => ({
    message: `the text could not be read: ${v.reason}`,
    hint:
      'a < or { in ordinary text starts a component or code: write \\< or \\{ to show the character itself; ' +
      'and check that every component is closed, e.g. <Callout>...</Callout> or <Figure ... />',
  }),
  'too-large': (v) => ({
    message: `the text is too long to check (${v.characters.toLocaleString('en')} characters; at most ${v.max.toLocaleString('en')})`,
    hint: 'split it into several pages, or move long material into a downloadable file (a material)',
  }),
  'too-deep': (v) => ({
    message: `the text nests more than ${v.max} levels deep (quotes, lists or components inside each other)`,
    hint: 'remove the extra > or list levels: a quote or list inside a few others is the most a reader can follow',
  }),
  'unknown-node': (v) => ({
    message: `this part of the text ("${v.type}") is not a kind of content the site knows how to check, so it is refused`,
    hint:
      'write it as ordinary Markdown (paragraphs, headings, lists, links, tables) or one of the components ' +
      COMPONENT_LIST,
  }),
  'raw-html': (v) => ({
    message: `HTML is not allowed in content: "${short(v.source)}"`,
    hint: 'use Markdown formatting or one of the components ' + COMPONENT_LIST,
  }),
  'unsafe-url': (v) => ({
    message: `${v.rule === 'image' ? 'the image address' : 'the link address'} "${short(v.url)}" is not allowed: ${v.reason}`,
    hint:
      v.rule === 'image'
        ? 'upload the image and use its path on this site: ![description](/uploads/photo.jpg)'
        : 'link to https://…, http://…, mailto:…, tel:…, a page on this site (/…) or an #anchor',
  }),
  'image-reference': (v) => ({
    message: `the image ![…][${short(v.label, 20)}] takes its address from elsewhere in the text, which is not allowed`,
    hint: 'write the address in the image itself: ![description](/uploads/photo.jpg)',
  }),
  esm: (v) => ({
    message: `${v.kind === 'import' ? 'an import' : 'an export'} is code and is not allowed in content: "${short(v.source)}"`,
    hint:
      v.kind === 'import'
        ? `remove this line; the allowed components (${allowedComponentNames.join(', ')}) work without importing`
        : 'remove this line; put information in the fields at the top of the file instead',
  }),
  expression: (v) => ({
    message: `{${short(v.source)}} in curly braces is code and is not allowed in content`,
    hint: 'remove the curly braces and what is between them; to show a curly brace as text, write \\{ and \\}',
  }),
  fragment: () => ({
    message: 'a fragment <>...</> is not allowed in content',
    hint: 'remove the <> and </> around the text',
  }),
  'html-tag': (v) => ({
    message: `the HTML tag <${v.name}> is not allowed in content`,
    hint:
      HTML_ALTERNATIVES[v.name.toLowerCase()] ??
      `remove the tag and use Markdown formatting, or one of the components ${COMPONENT_LIST}`,
  }),
  'unknown-component': (v) => ({
    message: `<${v.name}> is not a component content may use`,
    hint:
      v.suggestion !== undefined
        ? `did you mean <${v.suggestion}>? The allowed components are ${COMPONENT_LIST}`
        : `use one of the allowed components ${COMPONENT_LIST}, or remove the tag`,
  }),
  'expression-attribute': (v) => ({
    message: `<${v.name} {${short(v.source, 20)}}>: curly braces in a tag are code and are not allowed`,
    hint: 'remove the {...} part; write each attribute as name="value"',
  }),
  'expression-value': (v) => ({
    message: `<${v.name} ${v.attribute}={...}>: a value in curly braces is code and is not allowed`,
    hint: `write the value in quotes: ${v.attribute}="..."`,
  }),
  'unknown-attribute': (v) => ({
    message: `<${v.name}> has no attribute "${v.attribute}"`,
    hint:
      v.declared.length === 0
        ? `remove ${v.attribute}; <${v.name}> takes no attributes`
        : `${v.suggestion !== undefined ? `did you mean "${v.suggestion}"? ` : ''}<${v.name}> accepts only: ${v.declared.join(', ')}`,
  }),
  'attribute-without-value': (v) => ({
    message: `<${v.name} ${v.attribute}>: the attribute has no value`,
    hint: `write ${v.attribute}="..."`,
  }),
  'value-not-allowed': (v) => ({
    message: `<${v.name} ${v.attribute}="${v.value}">: "${v.value}" is not an allowed ${v.attribute}`,
    hint: `choose one of: ${v.allowed.join(', ')}${v.suggestion !== undefined ? ` (did you mean "${v.suggestion}"?)` : ''}`,
  }),
  'empty-attribute': (v) => ({
    message: `<${v.name} ${v.attribute}="">: the attribute "${v.attribute}" is empty`,
    hint: `fill in ${v.attribute}="..."`,
  }),
  'invalid-attribute': (v) => ({
    message: `<${v.name} ${v.attribute}="${short(v.value)}">: ${v.reason}`,
    hint:
      v.rule === 'image'
        ? `upload the image and write its path: ${v.attribute}="/uploads/photo.jpg"`
        : v.rule === 'video'
          ? `write the address of the video page, e.g. ${v.attribute}="https://www.youtube.com/watch?v=..."`
          : v.rule === 'link'
            ? `write a full https:// address or a path on this site: ${v.attribute}="https://www.example.org"`
            : `correct the value of ${v.attribute}="..."`,
  }),
  'missing-attribute': (v) => ({
    message: `<${v.name}> is missing the required attribute "${v.attribute}"`,
    hint: `add ${v.attribute}="..." inside the opening tag, e.g. <${v.name} ${v.attribute}="...">${v.allowed ? ` (one of: ${v.allowed.join(', ')})` : ''}`,
  }),
  'children-lost': (v) => ({
    message: `<${v.name}> does not show text placed between its tags, so that text would be lost`,
    hint: `write it as one tag that closes itself, <${v.name} ... />, and put the text in its attributes or after the tag`,
  }),
};

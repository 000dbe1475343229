/**
 * The content guard's violations in Dutch, as the CMS's body editor shows them: one sentence each,
 * what is wrong and how to fix it.
 */
import { COMPONENT_LIST, shorten, type MessageTable } from './rules.ts';

const short = (code: string) => shorten(code, 30, '…');

/** `<Callout title={x}>` and `<Callout {...props}>` read the same to an editor. */
const expressionInTag = (v: { name: string }) =>
  `<${v.name}>: een waarde tussen accolades is code; schrijf elke eigenschap als naam="waarde"`;

export const dutchMessages: MessageTable<string> = {
  unreadable: (v) =>
    `de tekst kan niet gelezen worden (${v.reason}). Een < of { in gewone tekst begint een onderdeel of code: schrijf \\< of \\{ om het teken zelf te tonen, en sluit elk onderdeel af, bijv. <Callout>…</Callout>`,
  'too-large': (v) =>
    `de tekst is te lang om te controleren (${v.characters} tekens, hoogstens ${v.max}): verdeel hem over meer pagina's`,
  'too-deep': (v) =>
    `de tekst is meer dan ${v.max} lagen diep genest (citaten, lijsten of onderdelen in elkaar): haal lagen weg`,
  'unknown-node': (v) =>
    `dit deel van de tekst ("${v.type}") kan niet gecontroleerd worden en mag daarom niet: schrijf het als gewone Markdown`,
  'raw-html': (v) =>
    `HTML mag niet in de tekst ("${short(v.source)}"): gebruik Markdown of een van de onderdelen ${COMPONENT_LIST}`,
  'unsafe-url': (v) =>
    v.rule === 'image'
      ? `het adres van de afbeelding "${short(v.url)}" mag niet: upload de afbeelding en gebruik het pad op deze site (/uploads/…)`
      : `het linkadres "${short(v.url)}" mag niet: gebruik https://…, mailto:…, tel:…, een pad op deze site (/…) of #anker`,
  'image-reference': () =>
    'een afbeelding met een verwijzing ![…][naam] mag niet: zet het adres in de afbeelding zelf, ![omschrijving](/uploads/foto.jpg)',
  esm: (v) => `"${short(v.source)}" is code (import/export) en mag niet in de tekst: verwijder deze regel`,
  expression: (v) =>
    `{${short(v.source)}} tussen accolades is code en mag niet in de tekst: schrijf \\{ en \\} om accolades te tonen`,
  fragment: () => 'een fragment <>…</> mag niet in de tekst: verwijder <> en </>',
  'html-tag': (v) =>
    `de HTML-tag <${v.name}> mag niet in de tekst: gebruik Markdown of een van de onderdelen ${COMPONENT_LIST}`,
  'unknown-component': (v) => `<${v.name}> is geen onderdeel dat de tekst mag gebruiken: kies uit ${COMPONENT_LIST}`,
  'expression-attribute': expressionInTag,
  'expression-value': expressionInTag,
  'unknown-attribute': (v) =>
    `<${v.name}> kent geen eigenschap "${v.attribute}"${v.declared.length ? ` (wel: ${v.declared.join(', ')})` : ''}`,
  'attribute-without-value': (v) =>
    `<${v.name} ${v.attribute}>: de eigenschap heeft geen waarde; schrijf ${v.attribute}="…"`,
  'value-not-allowed': (v) => `<${v.name} ${v.attribute}="${v.value}">: kies uit ${v.allowed.join(', ')}`,
  'empty-attribute': (v) => `<${v.name} ${v.attribute}="">: vul ${v.attribute} in`,
  'invalid-attribute': (v) =>
    v.rule === 'image'
      ? `<${v.name} ${v.attribute}="${short(v.value)}">: de afbeelding moet op deze site staan (/uploads/…)`
      : v.rule === 'video'
        ? `<${v.name} ${v.attribute}="${short(v.value)}">: gebruik het https://-adres van de video op YouTube of Vimeo`
        : v.rule === 'link'
          ? `<${v.name} ${v.attribute}="${short(v.value)}">: dit adres mag niet; gebruik https://… of een pad op deze site (/…)`
          : `<${v.name} ${v.attribute}="${short(v.value)}">: deze waarde klopt niet`,
  'missing-attribute': (v) => `<${v.name}> mist de verplichte eigenschap ${v.attribute}="…"`,
  'children-lost': (v) =>
    `<${v.name}> toont geen tekst tussen de tags: schrijf <${v.name} … /> en zet de tekst erbuiten`,
};

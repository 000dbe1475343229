/**
 * Every Dutch string of the CMS in one place: what decap-cms-locales' Dutch lacks or gets wrong
 * (`decapNl`, merged over Decap's own phrases by admin/cms.ts) and the project's own wording (`cms`,
 * keyed by id: the body editor, the messages of the schema's rules). A test compares `decapNl` plus
 * Decap's Dutch with Decap's English, so a key Decap adds upstream shows up as missing.
 */

/** Completions and fixes of Decap's Dutch phrases (same nesting as decap-cms-locales). */
export const decapNl = {
  auth: { loginWithForgejo: 'Inloggen met Forgejo' },
  collection: {
    collectionTop: {
      // Decap's Dutch uses a full-width plus (U+FF0B), which common fonts lack: it showed as an empty box.
      newButton: 'Nieuw: %{collectionLabel}',
      viewAsList: 'Als lijst tonen',
      viewAsGrid: 'Als raster tonen',
    },
    entries: { unpublishedHeader: 'Niet-gepubliceerde items' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Veld %{widgetLabel}' } },
    editorControlPane: {
      widget: { invalidPath: "'%{path}' is geen geldig pad", pathExists: "Pad '%{path}' bestaat al" },
      i18n: {
        copyFromLocale: 'Kopiëren uit andere taal',
        copyFromLocaleConfirm:
          'Wilt u de gegevens uit de %{locale}-versie kopiëren? Wat u in deze taal al had ingevuld, wordt overschreven.',
      },
    },
    editorInterface: {
      toggleNotes: 'Notities tonen of verbergen',
      toggleI18n: 'Andere taal tonen of verbergen',
      togglePreview: 'Voorbeeld tonen of verbergen',
    },
    editorNotesPane: {
      title: 'Notities',
      emptyState: 'Nog geen notities. Voeg hieronder de eerste toe.',
      addNote: 'Notitie toevoegen',
      addPlaceholder: 'Schrijf een notitie…',
      editPlaceholder: 'Pas uw notitie aan…',
      save: 'Opslaan',
      cancel: 'Annuleren',
      edit: 'Bewerken',
      delete: 'Verwijderen',
      resolve: 'Afhandelen',
      unresolve: 'Heropenen',
      confirmDelete: 'Weet u zeker dat u deze notitie wilt verwijderen?',
      shortcut: 'Tip: Ctrl+Enter voegt de notitie meteen toe',
    },
    editorToolbar: {
      statusInfoTooltipDraft:
        'Dit item is een concept. Zet de status op ‘Ter beoordeling’ als het klaar is om te laten nakijken.',
      statusInfoTooltipInReview: 'Dit item wordt beoordeeld; u hoeft niets te doen. U kunt het intussen nog aanpassen.',
    },
    editorWidgets: {
      markdown: {
        strikethrough: 'Doorhalen',
        toggleMode: { rich: 'Naar opgemaakte tekst', markdown: 'Naar Markdown' },
      },
      image: {
        chooseMultiple: 'Kies afbeeldingen',
        addMore: 'Meer afbeeldingen toevoegen',
        removeAll: 'Alle afbeeldingen verwijderen',
      },
      file: {
        chooseMultiple: 'Kies bestanden',
        addMore: 'Meer bestanden toevoegen',
        removeAll: 'Alle bestanden verwijderen',
      },
      datetime: { setToNow: '%{fieldLabel} op nu zetten' },
      list: { addType: '%{item} toevoegen' },
      object: { expand: 'Uitklappen', collapse: 'Inklappen' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: 'Sluiten' } },
  ui: {
    settingsDropdown: { account: 'Accountmenu' },
    toast: {
      noteAdded: 'Notitie toegevoegd',
      onFailToAddNote: 'Notitie toevoegen mislukt: %{details}',
      noteUpdated: 'Notitie bijgewerkt',
      onFailToUpdateNote: 'Notitie bijwerken mislukt: %{details}',
      noteDeleted: 'Notitie verwijderd',
      onFailToDeleteNote: 'Notitie verwijderen mislukt: %{details}',
      noteResolved: 'Notitie afgehandeld',
      noteReopened: 'Notitie heropend',
      onFailToToggleNote: 'Notitie afhandelen of heropenen mislukt: %{details}',
    },
  },
} as const;

/** The project's own CMS wording, by id. */
export const cms = {
  /** Decap shows: "<label> komt niet overeen met het patroon: <message>." */
  pattern: {
    url: 'gebruik een volledig webadres dat begint met https:// (of http://)',
    email: 'gebruik een e-mailadres, zoals info@voorbeeld.nl',
    slug: 'gebruik kleine letters, cijfers en enkele streepjes, bijv. "matching-in-rotterdam"',
    localDateTime: 'gebruik een datum en tijd als JJJJ-MM-DDTUU:MM (Amsterdamse tijd), bijv. 2024-05-16T09:30',
    figureValue: 'gebruik een getal, of "unknown" als het getal niet bekend is',
    uploadedFile: 'gebruik een geüpload bestand, zoals /uploads/handout.pdf',
  },
  length: {
    between: 'gebruik %{min} tot %{max} tekens',
    atLeast: 'gebruik minstens %{min} tekens',
    atMost: 'gebruik hoogstens %{max} tekens',
  },
  /** The schema's cross-field rules (refine), by the id in their `params` (src/schema). */
  rule: {
    'event-ends-after-start':
      'het evenement moet eindigen na het begin: zet "Eindigt" later dan "Begint" (bij een evenement van hele dagen: dezelfde dag of later)',
    'session-times-both-or-neither':
      'vul zowel "Begint" als "Eindigt" in, of laat allebei leeg als het tijdstip niet bekend is',
    'session-ends-after-start': 'de sessie moet eindigen na het begin: zet "Eindigt" later dan "Begint"',
    'event-venue-or-online': 'vul een locatie in, een online link, of allebei',
    'material-file-or-url': 'kies een geüpload bestand of vul een externe link in',
  },
  save: {
    englishVersion: 'Engelse versie',
    otherVersion: 'Versie %{locale}',
    item: 'Item',
  },
  body: {
    label: 'Tekst',
    hint: 'Markdown. Opmaak, koppen, lijsten en links via de knoppen of sneltoetsen; onderdelen als een kader, citaat of video via "Invoegen".',
    formatToolbar: 'Opmaak',
    insertToolbar: 'Onderdeel invoegen',
    insertLabel: 'Invoegen:',
    insertGroup: '%{label} invoegen',
    insert: 'Invoegen',
    cancel: 'Annuleren',
    fillFirst: 'Vul eerst in: %{fields}',
    refused: 'De tekst kan zo niet gepubliceerd worden:',
    problemAt: 'Regel %{line}, kolom %{column}: ',
    placeholder: 'Schrijf hier de tekst. Opmaak via de knoppen hierboven.',
    guardSource: 'Inhoudscontrole',
    guardFailed:
      'De tekst kan niet opgeslagen worden: de controle kon niet geladen worden (%{reason}). Herlaad de pagina.',
    guardUnavailable:
      'De controle van de tekst kon niet geladen worden; opslaan kan pas als die werkt. Herlaad de pagina.',
  },
  format: {
    bold: 'Vet',
    italic: 'Schuin',
    heading2: 'Kop',
    heading3: 'Tussenkop',
    bulletList: 'Opsomming',
    numberedList: 'Genummerde lijst',
    quote: 'Citaatblok',
    link: 'Link',
    boldPlaceholder: 'vette tekst',
    italicPlaceholder: 'schuine tekst',
  },
  link: {
    title: 'Link invoegen',
    text: 'Tekst van de link',
    url: 'Adres',
    hint: 'Een volledig adres (https://…), een pagina van deze site (/…), mailto: of tel:. Enter voegt in, Escape sluit.',
    insert: 'Link invoegen',
    noText: 'Vul de tekst van de link in.',
    refused: 'Deze link kan niet: %{reason}',
  },
  startError: { title: 'Het CMS kan niet starten' },
} as const;

/** `template` with each %{name} replaced by `values[name]`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/%\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

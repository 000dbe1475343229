/**
 * Decap's relation widget, without the change it reports on load. Once it has fetched the titles of
 * the entries a field already points at, Decap's widget calls onChange with the unchanged value (to
 * pass those titles on as metadata). Decap then recomputes "unsaved changes", and for any pane but
 * the default language it compares against the wrong part of the entry (decap-cms-core's entryDraft
 * reducer reads `entry.get('i18n', 'en', 'data')`, which is the whole i18n map), so merely opening an
 * entry with a related item marked it as changed and asked "leave page?" on the way out.
 *
 * The widget shows the chosen titles from its own state; the metadata only fed Decap's default
 * relation preview, which this project does not use (admin/preview/ renders entries itself).
 */
import DecapCmsWidgetRelation from 'decap-cms-widget-relation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const RelationControl = DecapCmsWidgetRelation.controlComponent as any;

class QuietRelationControl extends RelationControl {
  /** Opening is not editing: the value on load is what was stored, so nothing is reported. */
  triggerInitialOnChange() {}
}

export function RelationWidget() {
  return DecapCmsWidgetRelation.Widget({ controlComponent: QuietRelationControl });
}

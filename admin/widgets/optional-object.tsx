/**
 * Decap's object widget, with one fix: an optional group of fields (a cover image, a venue, a quote)
 * that the editor left completely empty is not validated. Decap validates the required fields inside
 * an object even when the object itself is optional, so an entry without a cover could not be saved.
 * The content model says: either the whole group is absent, or its required fields are filled.
 */
import DecapCmsWidgetObject from 'decap-cms-widget-object';
import { isEmptyValue } from '../format/clean.ts';

type Control = {
  props: { onValidate?: (errors: unknown[]) => void };
  innerWrappedControl?: Control;
  validate?: () => void;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const ObjectControl = DecapCmsWidgetObject.controlComponent as any;

class OptionalObjectControl extends ObjectControl {
  constructor(props: unknown) {
    super(props);
    const validateAll = this.validate as () => void;
    this.validate = () => {
      const { field, value } = this.props as { field: { get: (k: string, d?: unknown) => unknown }; value: unknown };
      const required = field.get('required', true) !== false;
      const plain =
        value && typeof (value as { toJS?: () => unknown }).toJS === 'function'
          ? (value as { toJS: () => unknown }).toJS()
          : value;
      if (!required && isEmptyValue(plain)) {
        // Clear errors an earlier attempt may have left on the (now empty) fields.
        for (const child of Object.values(
          (this as unknown as { childRefs: Record<string, Control> }).childRefs ?? {},
        )) {
          child?.props?.onValidate?.([]);
        }
        return;
      }
      validateAll();
    };
  }
}

export function OptionalObjectWidget() {
  return DecapCmsWidgetObject.Widget({ controlComponent: OptionalObjectControl });
}

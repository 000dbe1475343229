/**
 * What the CMS writes: Decap keeps fields an editor touched and emptied ("", null, an object of
 * empty fields). The schema reads an absent optional field as "not given", but an empty string as a
 * wrong value (an image "" or a URL ""), so empty values are dropped before a file is written.
 * Lists are kept as they are (an empty list and an absent list mean the same to the schema).
 */

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return false;
  if (value instanceof Date) return false;
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).every(isEmptyValue);
  return false;
}

/** A copy of `data` without empty strings, nulls and groups whose fields are all empty. */
export function dropEmpty<T>(data: T): T {
  if (Array.isArray(data))
    return data.map((item) =>
      item && typeof item === 'object' && !(item instanceof Date) ? dropEmpty(item) : item,
    ) as T;
  if (!data || typeof data !== 'object' || data instanceof Date) return data;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'body') {
      out[key] = value;
      continue;
    }
    if (isEmptyValue(value)) continue;
    out[key] = value && typeof value === 'object' && !(value instanceof Date) ? dropEmpty(value) : value;
  }
  return out as T;
}

/**
 * An English (or other non-default) version nobody has written: Decap prepares it for every new
 * entry with only the fields copied from Dutch (dates, themes). Without a title it is not a
 * translation, and writing it would put an invalid file in en/.
 */
export function isUntranslatedStub(data: Record<string, unknown>): boolean {
  return isEmptyValue(data.title);
}

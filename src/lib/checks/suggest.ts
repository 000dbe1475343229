/** "Did you mean …?": close matches for a mistyped slug, value or component name. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` candidates close to `value` (typos, case, one contains the other), best first. */
export function closeMatches(value: string, candidates: Iterable<string>, max = 3): string[] {
  const v = value.toLowerCase();
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    if (lc === v) {
      scored.push({ c, score: 0 });
      continue;
    }
    const d = editDistance(v, lc);
    const limit = Math.max(2, Math.floor(Math.max(v.length, lc.length) / 3));
    if (d <= limit) scored.push({ c, score: d });
    else if (v.length >= 4 && (lc.includes(v) || v.includes(lc))) scored.push({ c, score: limit + 1 });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.c.localeCompare(b.c))
    .slice(0, max)
    .map((s) => s.c);
}

/** ` Did you mean "a" or "b"?` or an empty string. */
export function didYouMean(value: string, candidates: Iterable<string>, quote = (s: string) => `"${s}"`): string {
  const matches = closeMatches(value, candidates);
  if (!matches.length) return '';
  const listed = matches.map(quote);
  const text = listed.length === 1 ? listed[0] : `${listed.slice(0, -1).join(', ')} or ${listed[listed.length - 1]}`;
  return `did you mean ${text}?`;
}

/** A file name turned into a valid slug: "Wonen in Gouda.mdx" → "wonen-in-gouda". */
export function toSlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

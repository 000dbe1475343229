/**
 * The content health report for editors: what needs attention, so the site stays truthful and
 * current. Reads content files directly (like the content checks), so it runs without a build.
 */
import { loadContent, entriesOf, type LoadOptions } from './checks/load.ts';
import type { ContentFile } from './checks/types.ts';
import { collectionNames } from '../schema/index.ts';

export type HealthReason =
  'stale' | 'missing-english' | 'figure-unchecked' | 'material-without-file' | 'event-without-materials' | 'example';

export interface HealthItem {
  reason: HealthReason;
  file: string;
  title: string;
  detail: string;
}

export const reasonLabels: Record<HealthReason, string> = {
  stale: 'Not updated in 12 months',
  'missing-english': 'No English version',
  'figure-unchecked': 'Figure checked over 12 months ago',
  'material-without-file': 'Material without a file',
  'event-without-materials': 'Past event without materials',
  example: 'Example content still to be replaced',
};

function toDate(value: unknown): Date | undefined {
  if (value instanceof Date) return value;
  if (typeof value === 'string') {
    const d = new Date(value.length === 16 ? `${value}:00Z` : value);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

function yearBefore(today: Date): Date {
  const d = new Date(today);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const title = (e: ContentFile) => String(e.data?.title ?? e.slug);

export function contentHealth(options: LoadOptions & { today?: Date } = {}): HealthItem[] {
  const today = options.today ?? new Date();
  const cutoff = yearBefore(today);
  const loaded = loadContent(options);
  const items: HealthItem[] = [];

  for (const entry of loaded.entries) {
    const data = entry.data ?? {};
    if (data.example === true)
      items.push({ reason: 'example', file: entry.file, title: title(entry), detail: 'marked example: true' });
    // Materials carry the date they were presented, not a change date: they are records, not articles.
    const lastChange = toDate(data.updated) ?? toDate(data.published);
    if (lastChange && lastChange < cutoff) {
      items.push({ reason: 'stale', file: entry.file, title: title(entry), detail: `last change ${iso(lastChange)}` });
    }
    for (const [i, figure] of ((data.figures as Record<string, unknown>[] | undefined) ?? []).entries()) {
      const checked = toDate(figure.checked);
      if (!checked || checked < cutoff) {
        items.push({
          reason: 'figure-unchecked',
          file: entry.file,
          title: title(entry),
          detail: `figures[${i}] "${String(figure.label)}" checked ${checked ? iso(checked) : 'never'}`,
        });
      }
    }
  }

  for (const collection of collectionNames) {
    const english = new Set(entriesOf(loaded, collection, 'en').map((e) => e.slug));
    for (const entry of entriesOf(loaded, collection, 'nl')) {
      if (!english.has(entry.slug))
        items.push({
          reason: 'missing-english',
          file: entry.file,
          title: title(entry),
          detail: `no content/${collection}/en/${entry.slug}.mdx`,
        });
    }
  }

  for (const material of entriesOf(loaded, 'materials')) {
    if (!material.data?.file)
      items.push({
        reason: 'material-without-file',
        file: material.file,
        title: title(material),
        detail: material.data?.url ? `link only: ${String(material.data.url)}` : 'no file and no link',
      });
  }

  for (const event of entriesOf(loaded, 'events', 'nl')) {
    const data = event.data ?? {};
    const end = toDate(data.end);
    const sessions = (data.sessions as { materials?: unknown[] }[] | undefined) ?? [];
    const count =
      ((data.materials as unknown[] | undefined) ?? []).length +
      sessions.reduce((n, s) => n + (s.materials?.length ?? 0), 0);
    if (end && end < today && count === 0)
      items.push({
        reason: 'event-without-materials',
        file: event.file,
        title: title(event),
        detail: `ended ${iso(end)}`,
      });
  }

  return items;
}

/** A plain-text table, grouped by reason. */
export function formatHealth(items: HealthItem[]): string {
  if (items.length === 0) return 'Content health: nothing needs attention.';
  const lines: string[] = [`Content health: ${items.length} item${items.length === 1 ? '' : 's'} need attention.`];
  for (const reason of Object.keys(reasonLabels) as HealthReason[]) {
    const group = items.filter((i) => i.reason === reason);
    if (group.length === 0) continue;
    lines.push('', `${reasonLabels[reason]} (${group.length})`);
    const width = Math.max(...group.map((i) => i.file.length));
    for (const item of group) lines.push(`  ${item.file.padEnd(width)}  ${item.title} — ${item.detail}`);
  }
  return lines.join('\n');
}

/**
 * Everything about time in one place: the time zone and wall-clock conversions (zone.ts), how dates read in each
 * language (format.ts, one cached formatter per language and style), and the build date with upcoming/past
 * (schedule.ts). Import from here; the search client imports format.ts alone (no process.env there).
 */
export * from './zone.ts';
export * from './format.ts';
export * from './schedule.ts';

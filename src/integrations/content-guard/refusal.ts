/**
 * The error the build stops with when the content guard refuses something: every problem printed the
 * way the content check prints it (file:line:column, field, what is wrong, "Fix: ..."), then a count.
 */
import { formatErrors, pluralErrors } from '../../lib/checks/report.ts';
import type { ContentError } from '../../lib/checks/types.ts';

export type Refused = Omit<ContentError, 'check'> & { check?: ContentError['check'] };

export class ContentRefusedError extends Error {
  readonly problems: readonly Refused[];
  constructor(problems: readonly Refused[]) {
    const list = problems.map((p) => ({ check: 'load' as const, ...p }));
    super(`The content guard refused the build:\n\n${formatErrors(list)}\n\n${pluralErrors(list.length)}`);
    this.name = 'ContentRefusedError';
    this.problems = problems;
  }
}

export function refusal(problems: readonly Refused[]): ContentRefusedError {
  return new ContentRefusedError(problems);
}

import { MarsadError } from '../model/index.js';

/** One problem found while loading: where it is and what is wrong. */
export interface KbIssue {
  readonly file: string;
  /** The entry's id, or `#<index>` when the entry has no usable id. */
  readonly entry?: string;
  /** A dotted path inside the entry (`aliases_ar.2`, `links.0.target`). */
  readonly field?: string;
  readonly message: string;
}

export function formatIssue(i: KbIssue): string {
  const where = [
    i.file,
    i.entry === undefined ? null : `entry "${i.entry}"`,
    i.field ? `field "${i.field}"` : null,
  ]
    .filter(Boolean)
    .join(': ');
  return `${where}: ${i.message}`;
}

/** E_VALIDATION carrying every issue found, so a user sees all their mistakes at once. */
export class KbValidationError extends MarsadError {
  readonly issues: readonly KbIssue[];
  constructor(issues: readonly KbIssue[]) {
    const shown = issues.slice(0, 25).map(formatIssue);
    if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
    super('E_VALIDATION', `knowledge base is invalid:\n  ${shown.join('\n  ')}`, {
      ...(issues[0] ? { input: issues[0].file } : {}),
    });
    this.issues = issues;
  }
}

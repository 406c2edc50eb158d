import type { SingleSignOnInput, SingleSignOnView, StaffRoleName } from '@chorus/domain/client';
import { ProblemError } from '../../api/problem-error';

/** A row of the role map as typed: a value of the role claim and the role it gives. */
export type MappingDraft = { rowKey: number; value: string; role: StaffRoleName };

/** The form as typed; the client secret is never read back, only replaced. */
export type SsoDraft = {
  enabled: boolean;
  issuer: string;
  clientId: string;
  clientSecret: string;
  roleClaim: string;
  roleMap: MappingDraft[];
  /** '' for nobody else. */
  defaultRole: StaffRoleName | '';
};

let nextRowKey = 0;

export const blankMapping = (): MappingDraft => ({
  rowKey: nextRowKey++,
  value: '',
  // Least privilege first: the admin raises it when they mean to.
  role: 'viewer',
});

export const draftOf = (view: SingleSignOnView): SsoDraft => ({
  enabled: view.enabled,
  issuer: view.issuer,
  clientId: view.clientId,
  clientSecret: '',
  roleClaim: view.roleClaim ?? '',
  roleMap: Object.entries(view.roleMap).map(([value, role]) => ({
    rowKey: nextRowKey++,
    value,
    role,
  })),
  defaultRole: view.defaultRole ?? '',
});

/** What the API takes: a blank secret is left out, so the saved one is kept. */
export const inputOf = (draft: SsoDraft): SingleSignOnInput => ({
  enabled: draft.enabled,
  issuer: draft.issuer.trim(),
  clientId: draft.clientId.trim(),
  ...(draft.clientSecret === '' ? {} : { clientSecret: draft.clientSecret }),
  roleClaim: draft.roleClaim.trim() || null,
  roleMap: Object.fromEntries(draft.roleMap.map((row) => [row.value.trim(), row.role])),
  defaultRole: draft.defaultRole || null,
});

export type DraftProblems = {
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  roleClaim?: string;
  /** By row key. */
  mappings: Map<number, string>;
};

/** What would be refused, found before sending. */
export const problemsOf = (draft: SsoDraft, hasSecret: boolean): DraftProblems => {
  const mappings = new Map<number, string>();
  const seen = new Set<string>();
  for (const row of draft.roleMap) {
    const value = row.value.trim();
    if (value === '') mappings.set(row.rowKey, 'Give the claim value, or remove the row.');
    else if (seen.has(value)) mappings.set(row.rowKey, 'This value is mapped above already.');
    seen.add(value);
  }
  return {
    ...(draft.issuer.trim() === '' ? { issuer: 'Give the issuer URL.' } : {}),
    ...(draft.clientId.trim() === '' ? { clientId: 'Give the client id.' } : {}),
    ...(!hasSecret && draft.clientSecret === ''
      ? { clientSecret: 'Give the client secret the provider issued.' }
      : {}),
    ...(draft.roleMap.length > 0 && draft.roleClaim.trim() === ''
      ? { roleClaim: 'Name the claim whose values the role map reads (for example groups).' }
      : {}),
    mappings,
  };
};

export const hasProblems = (problems: DraftProblems): boolean =>
  Object.keys(problems).length > 1 || problems.mappings.size > 0;

/** The API's message about the role map, or one of its values (`roleMap.admins`). */
export const roleMapProblem = (error: unknown): string | undefined =>
  error instanceof ProblemError
    ? error.fieldErrors.find(
        (entry) => entry.field === 'roleMap' || entry.field.startsWith('roleMap.'),
      )?.message
    : undefined;

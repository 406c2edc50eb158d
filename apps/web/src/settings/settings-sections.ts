import type { Permission } from '@chorus/domain/client';

/** A section with a `permission` shows only to the roles that have it (docs/permissions.md). */
export type SettingsSection = { id: string; label: string; permission?: Permission };

export const firstSettingsSection: SettingsSection = { id: 'tags', label: 'Tags' };

/** Every section of Settings, in the order of its navigation; the command palette lists them too. */
export const settingsSections: readonly SettingsSection[] = [
  firstSettingsSection,
  { id: 'statuses', label: 'Statuses' },
  { id: 'boards', label: 'Boards' },
  { id: 'notifications', label: 'Notifications', permission: 'profile.read' },
  { id: 'scoring', label: 'Scoring', permission: 'backlog.read' },
  { id: 'api-keys', label: 'API keys', permission: 'api-keys.manage' },
  { id: 'webhooks', label: 'Webhooks', permission: 'integrations.manage' },
  { id: 'people', label: 'People', permission: 'people.manage' },
  { id: 'sso', label: 'Single sign-on', permission: 'people.manage' },
  { id: 'portal', label: 'Portal sign-in', permission: 'people.manage' },
  { id: 'import', label: 'Import', permission: 'workspace.import' },
  { id: 'export', label: 'Export', permission: 'workspace.export' },
];

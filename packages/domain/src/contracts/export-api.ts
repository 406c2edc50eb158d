import type { PersonStatus } from '../identity/person.decider';
import type { ActorRoleName } from '../shared/roles';

// Shapes of the workspace export (admins only, `workspace.export`), shared by the API and the
// web app's Export settings page. Every file is streamed: the export is of the caller's own
// workspace, whatever its size. docs/export.md describes the formats and how to restore them.

/** Where each part of an export is downloaded from. */
export const EXPORT_PATHS = {
  /** One zip of everything: `manifest.json`, `events.jsonl`, `people.jsonl`, `read-models/*.csv`. */
  archive: '/api/v1/export',
  /** Every event of the workspace in log order, one `ExportedEvent` per line. */
  events: '/api/v1/export/events.jsonl',
  /** The read-model tables that can be downloaded, as `ExportReadModels`. */
  readModels: '/api/v1/export/read-models',
} as const;

/** `GET /api/v1/export/read-models/:table.csv`: one read-model table's rows of the workspace. */
export const readModelCsvPath = (table: string): string =>
  `${EXPORT_PATHS.readModels}/${encodeURIComponent(table)}.csv`;

/** A read-model table of the workspace, as the worker's projections write it. */
export type ExportReadModelTable = {
  table: string;
  /** The projection that writes it (`feedback_list`, `kpis`, …). */
  projection: string;
  /** Where its CSV is downloaded (a header row, then its rows ordered by primary key). */
  path: string;
};

/** `GET /api/v1/export/read-models`. */
export type ExportReadModels = { tables: ExportReadModelTable[] };

/** What every exported event carries besides its data: the metadata it was appended with. */
export type ExportedEventMetadata = {
  workspaceId: string;
  actorId: string;
  correlationId: string;
  causationId: string | null;
  occurredAt: string;
};

/**
 * One line of `events.jsonl`. Customers' personal fields are opened; those of an erased
 * customer read as the stand-ins every reader gets (`Erased customer`), never their data.
 */
export type ExportedEvent = {
  /** Where the event stands in this installation's log: informative, not restored. */
  globalPosition: string;
  streamId: string;
  streamType: string;
  version: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: ExportedEventMetadata;
};

/**
 * One line of `people.jsonl`: a member of the workspace (staff or a customer's portal account).
 * Password hashes, sessions, invitations and API keys are never exported; restored people are
 * invited and set a password through the password-reset flow.
 */
export type ExportedPerson = {
  id: string;
  name: string;
  email: string;
  role: ActorRoleName;
  status: PersonStatus | 'erased';
};

/** A file of the archive with its size in lines and its SHA-256 (hex). */
export type ExportedFile = { path: string; count: number; sha256: string };

/** `manifest.json`, the archive's last entry: what it holds and how to check it. */
export type ExportManifest = {
  format: 'chorus-workspace-export';
  formatVersion: 1;
  workspace: { id: string; name: string | null; slug: string | null };
  exportedAt: string;
  /** The newest database migration of the installation that made the export. */
  schemaMigration: string;
  events: ExportedFile;
  people: ExportedFile;
  /** One CSV per read-model table, rows counted without the header. */
  readModels: (ExportedFile & { table: string; projection: string })[];
};

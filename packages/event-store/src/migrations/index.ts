import { CreateEventStore1764300000000 } from './1764300000000-create-event-store';
import { CreateIdentity1764300000001 } from './1764300000001-create-identity';
import { CreateReadModels1764300000002 } from './1764300000002-create-read-models';
import { CreateProjectionStreamVersions1764300000003 } from './1764300000003-create-projection-stream-versions';
import { CreateFeedbackOperations1764300000004 } from './1764300000004-create-feedback-operations';
import { AddFeedbackCategories1764300000005 } from './1764300000005-add-feedback-categories';
import { BallotCompanies1764300000006 } from './1764300000006-ballot-companies';
import { CreateBacklog1764300000007 } from './1764300000007-create-backlog';
import { CreateBacklogScores1764300000008 } from './1764300000008-create-backlog-scores';
import { CreateSprintsAndRoadmap1764300000009 } from './1764300000009-create-sprints-and-roadmap';
import { CreateReleasesAndNotifications1764300000010 } from './1764300000010-create-releases-and-notifications';
import { CreateKpiRollups1764300000011 } from './1764300000011-create-kpi-rollups';
import { EventsHistory1764300000012 } from './1764300000012-events-history';
import { AuditTrail1764300000013 } from './1764300000013-audit-trail';
import { Roles1764300000014 } from './1764300000014-roles';
import { ApiKeys1764300000015 } from './1764300000015-api-keys';
import { PeopleAndSessions1764300000016 } from './1764300000016-people-and-sessions';
import { SingleSignOn1764300000017 } from './1764300000017-single-sign-on';
import { OneTimeCodes1764300000018 } from './1764300000018-one-time-codes';
import { PortalSecrets1764300000019 } from './1764300000019-portal-secrets';
import { PersonalDataKeys1764300000020 } from './1764300000020-personal-data-keys';
import { CustomerEmails1764300000021 } from './1764300000021-customer-emails';
import { ErasedPeople1764300000022 } from './1764300000022-erased-people';
import { NotificationKinds1764300000023 } from './1764300000023-notification-kinds';
import { EmailOutbox1764300000024 } from './1764300000024-email-outbox';
import { Webhooks1764300000025 } from './1764300000025-webhooks';
import { ImportJobs1764300000026 } from './1764300000026-import-jobs';

export const migrations = [
  CreateEventStore1764300000000,
  CreateIdentity1764300000001,
  CreateReadModels1764300000002,
  CreateProjectionStreamVersions1764300000003,
  CreateFeedbackOperations1764300000004,
  AddFeedbackCategories1764300000005,
  BallotCompanies1764300000006,
  CreateBacklog1764300000007,
  CreateBacklogScores1764300000008,
  CreateSprintsAndRoadmap1764300000009,
  CreateReleasesAndNotifications1764300000010,
  CreateKpiRollups1764300000011,
  EventsHistory1764300000012,
  AuditTrail1764300000013,
  Roles1764300000014,
  ApiKeys1764300000015,
  PeopleAndSessions1764300000016,
  SingleSignOn1764300000017,
  OneTimeCodes1764300000018,
  PortalSecrets1764300000019,
  PersonalDataKeys1764300000020,
  CustomerEmails1764300000021,
  ErasedPeople1764300000022,
  NotificationKinds1764300000023,
  EmailOutbox1764300000024,
  Webhooks1764300000025,
  ImportJobs1764300000026,
];

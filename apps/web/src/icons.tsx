import type { ReactNode } from 'react';

const Icon = ({ children }: { children: ReactNode }) => (
  <svg
    viewBox="0 0 16 16"
    width="16"
    height="16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.5"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
  >
    {children}
  </svg>
);

export const PlusIcon = () => (
  <Icon>
    <path d="M8 3.5v9M3.5 8h9" />
  </Icon>
);

export const InboxIcon = () => (
  <Icon>
    <path d="M2.5 9.5 4 3.5h8l1.5 6v3h-11v-3Z" />
    <path d="M2.5 9.5h3.25l.75 1.5h3l.75-1.5h3.25" />
  </Icon>
);

export const DashboardIcon = () => (
  <Icon>
    <path d="M2.5 13.5h11" />
    <path d="M4.5 11V8M8 11V4.5M11.5 11V7" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M6.75 9.25a2.5 2.5 0 0 0 3.54 0l2-2a2.5 2.5 0 0 0-3.54-3.54l-.5.5" />
    <path d="M9.25 6.75a2.5 2.5 0 0 0-3.54 0l-2 2a2.5 2.5 0 0 0 3.54 3.54l.5-.5" />
  </Icon>
);

export const CheckIcon = () => (
  <Icon>
    <path d="m3.5 8.5 3 3 6-7" />
  </Icon>
);

export const ChevronUpIcon = () => (
  <Icon>
    <path d="M4 10 8 6l4 4" />
  </Icon>
);

export const PencilIcon = () => (
  <Icon>
    <path d="M10.5 3 13 5.5 6 12.5H3.5V10L10.5 3Z" />
  </Icon>
);

export const SignOutIcon = () => (
  <Icon>
    <path d="M6.5 13.5h-3v-11h3M10 11l3-3-3-3M13 8H6.5" />
  </Icon>
);

export const MessagesIcon = () => (
  <Icon>
    <path d="M2.5 3.5h8v6h-4l-2.5 2v-2h-1.5v-6Z" />
    <path d="M10.5 6h3v6H12v2l-2.5-2h-3" />
  </Icon>
);

export const BrandMark = () => (
  <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
    <rect width="32" height="32" rx="8" fill="var(--ui-accent)" />
    <g stroke="#fff" strokeWidth="3" strokeLinecap="round">
      <path d="M10 13v6" />
      <path d="M16 9v14" />
      <path d="M22 12v8" />
    </g>
  </svg>
);

export const BuildingIcon = () => (
  <Icon>
    <path d="M3 13.5v-10h6.5v10M9.5 6.5h3.5v7M2 13.5h12" />
    <path d="M5 6h2M5 8.5h2M5 11h2" />
  </Icon>
);

export const UsersIcon = () => (
  <Icon>
    <circle cx="6" cy="5.5" r="2.25" />
    <path d="M2 13c.5-2.2 2-3.5 4-3.5s3.5 1.3 4 3.5" />
    <path d="M10.5 3.5a2 2 0 0 1 0 4M12 9.75c1 .5 1.75 1.6 2 3.25" />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="2" />
    <path d="M8 1.75v1.5M8 12.75v1.5M14.25 8h-1.5M3.25 8h-1.5M12.4 3.6l-1.06 1.06M4.66 11.34 3.6 12.4M12.4 12.4l-1.06-1.06M4.66 4.66 3.6 3.6" />
  </Icon>
);

export const GripIcon = () => (
  <Icon>
    <path d="M6 4h.01M10 4h.01M6 8h.01M10 8h.01M6 12h.01M10 12h.01" strokeWidth="2.25" />
  </Icon>
);

export const BacklogIcon = () => (
  <Icon>
    <path d="M2.5 4h1M2.5 8h1M2.5 12h1M6 4h7.5M6 8h7.5M6 12h5" />
  </Icon>
);

export const ArrowUpIcon = () => (
  <Icon>
    <path d="M8 12.5v-9M4.5 7 8 3.5 11.5 7" />
  </Icon>
);

export const ArrowDownIcon = () => (
  <Icon>
    <path d="M8 3.5v9M4.5 9 8 12.5 11.5 9" />
  </Icon>
);

export const TrashIcon = () => (
  <Icon>
    <path d="M3 4.5h10M6.5 4.5v-1.5h3v1.5M4.5 4.5l.5 9h6l.5-9" />
  </Icon>
);

export const ArrowLeftIcon = () => (
  <Icon>
    <path d="M12.5 8h-9M7 4.5 3.5 8 7 11.5" />
  </Icon>
);

export const ArrowRightIcon = () => (
  <Icon>
    <path d="M3.5 8h9M9 4.5 12.5 8 9 11.5" />
  </Icon>
);

export const SprintIcon = () => (
  <Icon>
    <path d="M13 8a5 5 0 1 1-1.46-3.54" />
    <path d="M13 2.75v2.5h-2.5M8 5.5V8l1.75 1.25" />
  </Icon>
);

export const RoadmapIcon = () => (
  <Icon>
    <path d="M2.5 4h6M5 8h6M7.5 12h6" />
    <path d="M2.5 2.5v11" />
  </Icon>
);

export const ReleaseIcon = () => (
  <Icon>
    <path d="M8.5 2.5h5v5l-6 6-5-5 6-6Z" />
    <circle cx="11" cy="5" r="0.75" />
  </Icon>
);

export const BellIcon = () => (
  <Icon>
    <path d="M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3L4 11Z" />
    <path d="M6.75 14h2.5" />
  </Icon>
);

export const GlobeIcon = () => (
  <Icon>
    <circle cx="8" cy="8" r="5.5" />
    <path d="M2.5 8h11M8 2.5c1.5 1.6 2.25 3.4 2.25 5.5S9.5 11.9 8 13.5C6.5 11.9 5.75 10.1 5.75 8S6.5 4.1 8 2.5Z" />
  </Icon>
);

export const AuditIcon = () => (
  <Icon>
    <path d="M8 2 3 4v3.5c0 3 2.1 5.4 5 6.5 2.9-1.1 5-3.5 5-6.5V4L8 2Z" />
    <path d="m5.75 8 1.5 1.5 3-3" />
  </Icon>
);

export const KeyIcon = () => (
  <Icon>
    <circle cx="5.25" cy="10.75" r="2.75" />
    <path d="m7.25 8.75 6-6M11 5l1.75 1.75M9.5 6.5l1.25 1.25" />
  </Icon>
);

export const CopyIcon = () => (
  <Icon>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" />
    <path d="M10.5 3.5v-.5a1 1 0 0 0-1-1h-6a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h.5" />
  </Icon>
);

export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5v8M4.75 7.25 8 10.5l3.25-3.25M3 13.5h10" />
  </Icon>
);

export const UploadIcon = () => (
  <Icon>
    <path d="M8 10.5v-8M4.75 5.75 8 2.5l3.25 3.25M3 13.5h10" />
  </Icon>
);

export const WebhookIcon = () => (
  <Icon>
    <circle cx="8" cy="4.25" r="1.75" />
    <circle cx="3.75" cy="11.5" r="1.75" />
    <circle cx="12.25" cy="11.5" r="1.75" />
    <path d="M7.1 5.75 4.6 10M5.5 11.5h5M8.9 5.75l2.5 4.25" />
  </Icon>
);

export const SearchIcon = () => (
  <Icon>
    <circle cx="7" cy="7" r="4.25" />
    <path d="m10.25 10.25 3.25 3.25" />
  </Icon>
);

export const ComponentsIcon = () => (
  <Icon>
    <rect x="2.5" y="2.5" width="4.5" height="4.5" rx="1" />
    <rect x="9" y="2.5" width="4.5" height="4.5" rx="1" />
    <rect x="2.5" y="9" width="4.5" height="4.5" rx="1" />
    <circle cx="11.25" cy="11.25" r="2.25" />
  </Icon>
);

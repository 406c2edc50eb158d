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

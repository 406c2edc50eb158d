import type { Permission } from '@chorus/domain/client';
import { useQuery } from '@tanstack/react-query';
import { fetchCompanies, fetchCustomers } from '../api/client';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { fetchBacklogPage } from '../backlog/backlog-api';
import { useDebounced } from '../lib/use-debounced';
import { useSearch } from '../queries/feedback-queries';
import { settingsSections } from '../settings/settings-sections';

/** One row of the palette: where Enter takes the person. */
export type PaletteOption = { id: string; label: string; detail?: string; href: string };

/** A heading and its rows, or why they could not be found. */
export type PaletteGroup = {
  id: string;
  heading: string;
  options: PaletteOption[];
  pending: boolean;
  error: string | null;
};

/** A page the palette can jump to. */
export type PalettePage = { href: string; label: string };

const MAX_PER_GROUP = 5;

// Pages reached inside an area of the nav (its tabs and settings sections), so the palette jumps
// straight to them.
const subPages: readonly (PalettePage & { permission?: Permission })[] = [
  { href: '/dashboards/po', label: 'Dashboards · Product owner', permission: 'dashboards.read' },
  { href: '/backlog/next', label: 'Backlog · What to build next', permission: 'backlog.read' },
  { href: '/changelog', label: 'Releases · Changelog', permission: 'releases.read' },
  ...settingsSections.map(({ id, label, permission }) => ({
    href: `/settings/${id}`,
    label: `Settings · ${label}`,
    permission,
  })),
];

const feedbackHref = (id: string) => `/?feedback=${encodeURIComponent(id)}`;

const group = (
  id: string,
  heading: string,
  result: { data?: PaletteOption[]; isPending: boolean; isError: boolean; error: unknown },
): PaletteGroup => ({
  id,
  heading,
  options: (result.data ?? []).slice(0, MAX_PER_GROUP),
  pending: result.isPending,
  error: result.isError ? describeError(result.error) : null,
});

/**
 * What the palette offers for `text`: the pages whose name matches (at once), then feedback, backlog
 * items, companies and customers (once typing pauses), each searched only when the person may read
 * them.
 */
export const usePaletteGroups = (text: string, pages: readonly PalettePage[]): PaletteGroup[] => {
  const can = useCan();
  const words = text.trim().toLowerCase();
  const q = useDebounced(text.trim(), 200);
  const searching = q.length > 0;
  const mayRead = (permission: Permission) => searching && can(permission);

  const feedback = useSearch(can('feedback.read') ? q : '');
  const backlog = useQuery({
    queryKey: ['command-palette', 'backlog', q],
    queryFn: ({ signal }) => fetchBacklogPage({ q }, null, null, signal),
    enabled: mayRead('backlog.read'),
    select: (page): PaletteOption[] =>
      page.items.map((item) => ({
        id: `backlog-${item.id}`,
        label: item.title,
        detail: item.kind,
        href: `/backlog/${encodeURIComponent(item.id)}`,
      })),
  });
  const companies = useQuery({
    queryKey: ['command-palette', 'companies', q],
    queryFn: ({ signal }) => fetchCompanies(q, null, signal),
    enabled: mayRead('customers.read'),
    select: (page): PaletteOption[] =>
      page.items.map((company) => ({
        id: `company-${company.id}`,
        label: company.name,
        detail: company.domain ?? undefined,
        href: `/companies/${encodeURIComponent(company.id)}`,
      })),
  });
  const customers = useQuery({
    queryKey: ['command-palette', 'customers', q],
    queryFn: ({ signal }) => fetchCustomers(q, null, signal),
    enabled: mayRead('customers.read'),
    select: (page): PaletteOption[] =>
      page.items.map((customer) => ({
        id: `customer-${customer.id}`,
        label: customer.name,
        detail: customer.email ?? undefined,
        // A customer has no page of their own: their company's page lists them.
        href: customer.companyId
          ? `/companies/${encodeURIComponent(customer.companyId)}`
          : '/customers',
      })),
  });

  const allPages = [
    ...pages,
    ...subPages.filter((page) => !page.permission || can(page.permission)),
  ];
  const matchingPages = allPages
    .filter((page) => page.label.toLowerCase().includes(words))
    .map((page) => ({ id: `page-${page.href}`, label: page.label, href: page.href }));

  const groups: PaletteGroup[] = [
    { id: 'pages', heading: 'Pages', options: matchingPages, pending: false, error: null },
  ];
  if (!searching) return groups;
  if (can('feedback.read')) {
    groups.push(
      group('feedback', 'Feedback', {
        data: feedback.data?.hits.map((hit) => ({
          id: `feedback-${hit.id}`,
          label: hit.title,
          detail: `${hit.voteCount} ${hit.voteCount === 1 ? 'vote' : 'votes'}`,
          href: feedbackHref(hit.id),
        })),
        isPending: feedback.isPending,
        isError: feedback.isError,
        error: feedback.error,
      }),
    );
  }
  if (can('backlog.read')) groups.push(group('backlog', 'Backlog', backlog));
  if (can('customers.read')) {
    groups.push(group('companies', 'Companies', companies));
    groups.push(group('customers', 'Customers', customers));
  }
  return groups;
};

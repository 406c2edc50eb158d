import {
  Badge,
  Button,
  Card,
  Checkbox,
  ConfirmDialog,
  Dialog,
  EmptyState,
  ErrorState,
  IconButton,
  Kbd,
  SegmentedControl,
  Select,
  Skeleton,
  Spinner,
  StatusBadge,
  Tabs,
  TagChip,
  TextArea,
  TextField,
  VisuallyHidden,
  VoteButton,
  type BadgeTone,
  type ButtonVariant,
  type Size,
} from '@chorus/ui';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { DownloadIcon, InboxIcon, PencilIcon, PlusIcon, TrashIcon } from '../icons';
import './design-system.css';

/** One block of the page: its heading is what people (and the browser test) look for. */
const Section = ({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead: ReactNode;
  children: ReactNode;
}) => (
  <section className="ds-section" id={`ds-${id}`} aria-labelledby={`ds-${id}-title`}>
    <h2 id={`ds-${id}-title`} className="ds-section__title">
      {title}
    </h2>
    <p className="ds-section__lead">{lead}</p>
    <Card className="ds-section__demo">{children}</Card>
  </section>
);

/** A labelled row of examples inside a section. */
const Row = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="ds-row">
    <p className="ds-row__label">{label}</p>
    <div className="ds-row__items">{children}</div>
  </div>
);

const sections = [
  ['tokens', 'Tokens'],
  ['buttons', 'Buttons'],
  ['icon-buttons', 'Icon buttons'],
  ['badges', 'Badges'],
  ['cards', 'Cards'],
  ['dialog', 'Dialog'],
  ['confirm-dialog', 'Confirm dialog'],
  ['text-fields', 'Text fields'],
  ['select', 'Select'],
  ['checkbox', 'Checkbox'],
  ['tabs', 'Tabs'],
  ['segmented-control', 'Segmented control'],
  ['empty-state', 'Empty state'],
  ['error-state', 'Error state'],
  ['skeleton', 'Skeleton'],
  ['spinner', 'Spinner'],
  ['kbd', 'Keyboard keys'],
  ['vote-button', 'Vote button'],
  ['visually-hidden', 'Visually hidden'],
] as const;

const colourTokens = [
  'bg',
  'surface',
  'surface-subtle',
  'border',
  'text',
  'text-muted',
  'text-subtle',
  'accent',
  'accent-soft',
  'danger',
  'danger-soft',
] as const;
const spaceTokens = [1, 2, 3, 4, 5, 6, 8, 10] as const;
const radiusTokens = ['sm', 'md', 'lg', 'full'] as const;

const TokensDemo = () => (
  <>
    <Row label="Colours">
      <ul className="ds-swatches">
        {colourTokens.map((token) => (
          <li key={token} className="ds-swatch">
            <span
              className="ds-swatch__colour"
              style={{ background: `var(--ui-${token})` }}
              aria-hidden="true"
            />
            <code>--ui-{token}</code>
          </li>
        ))}
      </ul>
    </Row>
    <Row label="Spacing">
      <ul className="ds-scale">
        {spaceTokens.map((step) => (
          <li key={step} className="ds-scale__item">
            <span
              className="ds-scale__bar"
              style={{ width: `var(--ui-space-${step})` }}
              aria-hidden="true"
            />
            <code>--ui-space-{step}</code>
          </li>
        ))}
      </ul>
    </Row>
    <Row label="Radii">
      {radiusTokens.map((radius) => (
        <span
          key={radius}
          className="ds-radius"
          style={{ borderRadius: `var(--ui-radius-${radius})` }}
        >
          <code>--ui-radius-{radius}</code>
        </span>
      ))}
    </Row>
  </>
);

const variants: readonly ButtonVariant[] = ['primary', 'secondary', 'ghost', 'danger'];
const sizes: readonly Size[] = ['sm', 'md', 'lg'];

const ButtonsDemo = () => (
  <>
    <Row label="Variants">
      {variants.map((variant) => (
        <Button key={variant} variant={variant}>
          {variant[0]?.toUpperCase()}
          {variant.slice(1)}
        </Button>
      ))}
    </Row>
    <Row label="Sizes">
      {sizes.map((size) => (
        <Button key={size} variant="primary" size={size}>
          Size {size}
        </Button>
      ))}
    </Row>
    <Row label="With an icon">
      <Button variant="primary" icon={<PlusIcon />}>
        New feedback
      </Button>
      <Button icon={<DownloadIcon />}>Download CSV</Button>
      <Button variant="danger" icon={<TrashIcon />}>
        Delete
      </Button>
    </Row>
    <Row label="Loading (busy, not clickable)">
      <Button variant="primary" loading>
        Saving
      </Button>
      <Button loading>Loading more</Button>
    </Row>
    <Row label="Disabled">
      {variants.map((variant) => (
        <Button key={variant} variant={variant} disabled>
          Disabled {variant}
        </Button>
      ))}
    </Row>
  </>
);

const IconButtonsDemo = () => (
  <Row label="Named by their label, which is also the tooltip">
    <IconButton label="Edit" icon={<PencilIcon />} />
    <IconButton label="Download" icon={<DownloadIcon />} />
    <IconButton label="Delete (disabled)" icon={<TrashIcon />} disabled />
  </Row>
);

const tones: readonly BadgeTone[] = [
  'neutral',
  'blue',
  'violet',
  'amber',
  'green',
  'red',
  'accent',
];
const statuses = [
  ['open', 'Open'],
  ['under_review', 'Under review'],
  ['planned', 'Planned'],
  ['in_progress', 'In progress'],
  ['done', 'Done'],
  ['declined', 'Declined'],
] as const;

const BadgesDemo = () => {
  const [tags, setTags] = useState(['billing', 'mobile', 'onboarding']);
  return (
    <>
      <Row label="Tones">
        {tones.map((tone) => (
          <Badge key={tone} tone={tone}>
            {tone}
          </Badge>
        ))}
      </Row>
      <Row label="With a dot">
        {tones.map((tone) => (
          <Badge key={tone} tone={tone} dot>
            {tone}
          </Badge>
        ))}
      </Row>
      <Row label="Status badges (and a workspace colour)">
        {statuses.map(([status, label]) => (
          <StatusBadge key={status} status={status} label={label} />
        ))}
        <StatusBadge status="shipped_beta" label="Custom colour" colour="#0e7490" />
      </Row>
      <Row label="Tag chips, removable">
        {tags.length === 0 ? (
          <Button size="sm" onClick={() => setTags(['billing', 'mobile', 'onboarding'])}>
            Bring the tags back
          </Button>
        ) : (
          tags.map((tag, index) => (
            <TagChip
              key={tag}
              label={tag}
              colour={['#5b5bd6', '#0e7490', '#c2410c'][index] ?? '#5b5bd6'}
              onRemove={() => setTags((current) => current.filter((t) => t !== tag))}
            />
          ))
        )}
      </Row>
    </>
  );
};

const CardsDemo = () => (
  <div className="ds-cards">
    <Card>
      <p className="ds-card__title">Padded card</p>
      <p className="ds-muted">The default: content sits on the surface with room around it.</p>
    </Card>
    <Card padded={false}>
      <ul className="ds-card__rows">
        <li>An unpadded card holds tables and lists</li>
        <li>that draw their own rows edge to edge.</li>
      </ul>
    </Card>
  </div>
);

const DialogDemo = () => {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('Feature requests');
  const [saved, setSaved] = useState<string | null>(null);
  const error = name.trim() === '' ? 'Give the board a name.' : undefined;
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (error) return;
    setSaved(name.trim());
    setOpen(false);
  };
  return (
    <Row label="Modal on the native dialog element: focus is trapped, Escape closes">
      <Button variant="primary" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Open dialog
      </Button>
      <p className="ds-muted" role="status">
        {saved ? `Saved “${saved}”.` : ''}
      </p>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Rename board"
        description="Dialogs focus their first field; Escape or Cancel closes them."
      >
        <form className="composer" onSubmit={save}>
          <div className="composer__fields">
            <TextField
              label="Board name"
              required
              value={name}
              error={error}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <div className="composer__footer">
            <Button variant="ghost" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" variant="primary">
              Save
            </Button>
          </div>
        </form>
      </Dialog>
    </Row>
  );
};

const boardName = 'Feature requests';

const ConfirmDialogDemo = () => {
  const [asking, setAsking] = useState<'archive' | 'delete' | null>(null);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [failed, setFailed] = useState(false);
  const [done, setDone] = useState('');
  useEffect(() => {
    if (!deleting) return;
    // A pretend request that fails, to show the pending and the error states.
    const timer = window.setTimeout(() => {
      setDeleting(false);
      setFailed(true);
    }, 1200);
    return () => window.clearTimeout(timer);
  }, [deleting]);
  const ask = (what: 'archive' | 'delete') => {
    setTyped('');
    setFailed(false);
    setAsking(what);
  };
  const cancel = () => {
    setDeleting(false);
    setAsking(null);
  };
  return (
    <Row label="Cancel has the focus, unless a field asks to type the confirmation; the tone says what is at stake">
      <Button aria-haspopup="dialog" onClick={() => ask('archive')}>
        Archive board
      </Button>
      <Button variant="danger" aria-haspopup="dialog" onClick={() => ask('delete')}>
        Delete board
      </Button>
      <p className="ds-muted" role="status">
        {done}
      </p>
      <ConfirmDialog
        open={asking === 'archive'}
        title={`Archive “${boardName}”?`}
        confirmLabel="Archive board"
        onConfirm={() => {
          setAsking(null);
          setDone(`Archived “${boardName}”.`);
        }}
        onCancel={cancel}
      >
        <p>It leaves the portal. Its feedback stays searchable, and you can restore it later.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'delete'}
        title={`Delete “${boardName}”?`}
        description="This one always fails, to show a busy action and an error."
        confirmLabel="Delete board"
        tone="danger"
        pending={deleting}
        confirmDisabled={typed !== boardName}
        error={failed ? 'The board still holds feedback: move it to another board first.' : null}
        onConfirm={() => {
          setFailed(false);
          setDeleting(true);
        }}
        onCancel={cancel}
      >
        <p>Its statuses and settings are gone for good. This cannot be undone.</p>
        <TextField
          label="Type the board’s name to confirm"
          hint={`Type “${boardName}” exactly.`}
          autoComplete="off"
          data-autofocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
      </ConfirmDialog>
    </Row>
  );
};

const slugPattern = /^[a-z0-9-]*$/;

const TextFieldsDemo = () => {
  const [slug, setSlug] = useState('Acme Corp');
  const [details, setDetails] = useState('');
  return (
    <div className="ds-fields">
      <TextField label="Name" placeholder="Ada Lovelace" />
      <TextField
        label="Email"
        type="email"
        required
        hint="We send sign-in codes to this address."
        placeholder="ada@example.com"
      />
      <TextField
        label="Workspace slug"
        value={slug}
        onChange={(event) => setSlug(event.target.value)}
        hint="Shown in your portal's address."
        error={
          slugPattern.test(slug) ? undefined : 'Use lowercase letters, digits and dashes only.'
        }
      />
      <TextField label="Disabled" value="Read only here" disabled />
      <TextArea
        label="Details"
        value={details}
        onChange={(event) => setDetails(event.target.value)}
        aside={`${details.length} / 500`}
        hint="A text area takes the same label, hint, error and aside."
        rows={3}
      />
    </div>
  );
};

const SelectDemo = () => {
  const [board, setBoard] = useState('features');
  return (
    <div className="ds-fields">
      <Select
        label="Board"
        value={board}
        onChange={(event) => setBoard(event.target.value)}
        hint="A native select: every keyboard and screen reader knows it."
        options={[
          { value: 'features', label: 'Feature requests' },
          { value: 'bugs', label: 'Bugs' },
          { value: 'archive', label: 'Archive (closed)', disabled: true },
        ]}
      />
      <Select
        label="Owner"
        error="Choose who owns this item."
        defaultValue=""
        options={[
          { value: '', label: 'Nobody yet' },
          { value: 'ada', label: 'Ada Lovelace' },
        ]}
      />
    </div>
  );
};

const CheckboxDemo = () => {
  const [digest, setDigest] = useState(true);
  return (
    <div className="ds-fields">
      <Checkbox
        label="Weekly digest"
        hint="A summary of new feedback every Monday."
        checked={digest}
        onChange={(event) => setDigest(event.target.checked)}
      />
      <Checkbox label="Without a hint" defaultChecked={false} />
      <Checkbox label="Disabled" hint="Your role cannot change this." disabled checked readOnly />
    </div>
  );
};

const TabsDemo = () => {
  const [tab, setTab] = useState<'overview' | 'votes' | 'comments'>('overview');
  return (
    <Tabs
      label="Example tabs"
      value={tab}
      onChange={setTab}
      tabs={[
        { value: 'overview', label: 'Overview', panel: <p>Arrow keys, Home and End move.</p> },
        { value: 'votes', label: 'Votes', panel: <p>Only the active panel is mounted.</p> },
        { value: 'comments', label: 'Comments', panel: <p>The panel is focusable with Tab.</p> },
      ]}
    />
  );
};

const SegmentedDemo = () => {
  const [sort, setSort] = useState<'votes' | 'newest' | 'trending'>('votes');
  return (
    <Row label={`Sorted by ${sort}`}>
      <SegmentedControl
        label="Sort by"
        value={sort}
        onChange={setSort}
        options={[
          { value: 'votes', label: 'Most votes' },
          { value: 'newest', label: 'Newest' },
          { value: 'trending', label: 'Trending' },
        ]}
      />
    </Row>
  );
};

const EmptyStateDemo = () => (
  <EmptyState
    icon={<InboxIcon />}
    title="No feedback yet"
    hint="When customers post ideas, they land here."
    action={
      <Button variant="primary" icon={<PlusIcon />}>
        Add feedback
      </Button>
    }
  />
);

const ErrorStateDemo = () => {
  const [retrying, setRetrying] = useState(false);
  useEffect(() => {
    if (!retrying) return;
    const timer = window.setTimeout(() => setRetrying(false), 1200);
    return () => window.clearTimeout(timer);
  }, [retrying]);
  return (
    <div className="ds-stack">
      <ErrorState
        title="Couldn't load feedback"
        detail="The server did not answer. Check your connection and try again."
        onRetry={() => setRetrying(true)}
        retrying={retrying}
      />
      <ErrorState compact title="Search failed" detail="Compact, for inside panels and lists." />
    </div>
  );
};

const SkeletonDemo = () => (
  <div className="ds-skeleton" aria-hidden="true">
    <Skeleton width="2.5rem" height="2.5rem" radius="var(--ui-radius-full)" />
    <div className="ds-stack">
      <Skeleton width="60%" height="1rem" />
      <Skeleton />
      <Skeleton width="80%" />
    </div>
  </div>
);

const SpinnerDemo = () => (
  <>
    <Row label="Sizes (decoration beside text)">
      {sizes.map((size) => (
        <Spinner key={size} size={size} />
      ))}
    </Row>
    <Row label="With a label (announced as a status)">
      <Spinner label="Loading the roadmap" />
    </Row>
  </>
);

const KbdDemo = () => (
  <Row label="Shortcut hints">
    <span>
      <Kbd>Ctrl</Kbd> + <Kbd>K</Kbd> search
    </span>
    <span>
      <Kbd>j</Kbd> / <Kbd>k</Kbd> move
    </span>
    <span>
      <Kbd>?</Kbd> all shortcuts
    </span>
  </Row>
);

const VoteButtonDemo = () => {
  const [pressed, setPressed] = useState(false);
  const [largePressed, setLargePressed] = useState(true);
  return (
    <>
      <Row label="Sizes md and lg; a toggle (aria-pressed)">
        <VoteButton
          count={41 + (pressed ? 1 : 0)}
          pressed={pressed}
          onClick={() => setPressed((value) => !value)}
        />
        <VoteButton
          count={127 + (largePressed ? 1 : 0)}
          pressed={largePressed}
          size="lg"
          onClick={() => setLargePressed((value) => !value)}
        />
      </Row>
      <Row label="Disabled">
        <VoteButton count={7} pressed={false} disabled label="Voting closed" />
      </Row>
    </>
  );
};

const VisuallyHiddenDemo = () => (
  <Row label="What a screen reader hears, not what the eye sees">
    <p>
      Some text exists only for assistive technology: a table header over a column of icons, the
      name of a landmark, the “Upvote,” before a count. Wrap it in <code>VisuallyHidden</code>: it
      stays in the accessibility tree but takes no room on screen.
    </p>
    <Button>
      <VisuallyHidden>Delete the tag </VisuallyHidden>
      <TrashIcon />
    </Button>
    <span className="ds-muted">← a screen reader reads “Delete the tag”.</span>
  </Row>
);

const DesignSystemPage = () => (
  <div className="page">
    <div className="page-header">
      <div>
        <h1 className="page-header__title">Design system</h1>
        <p className="page-header__lead">
          Every component of <code>@chorus/ui</code> with its variants and states. Use these, not
          one-off styles.
        </p>
      </div>
    </div>
    <nav className="ds-toc" aria-label="Components">
      <ul>
        {sections.map(([id, title]) => (
          <li key={id}>
            <a href={`#ds-${id}`}>{title}</a>
          </li>
        ))}
      </ul>
    </nav>
    <Section id="tokens" title="Tokens" lead="CSS variables every component and page draws from.">
      <TokensDemo />
    </Section>
    <Section
      id="buttons"
      title="Buttons"
      lead="Primary for the one main action of a view, secondary by default, ghost for quiet actions, danger for destructive ones."
    >
      <ButtonsDemo />
    </Section>
    <Section
      id="icon-buttons"
      title="Icon buttons"
      lead="A button that shows only an icon must still have a name."
    >
      <IconButtonsDemo />
    </Section>
    <Section
      id="badges"
      title="Badges"
      lead="Short labels. Status badges and tag chips carry a dot or swatch so colour is never the only cue."
    >
      <BadgesDemo />
    </Section>
    <Section id="cards" title="Cards" lead="The surface that groups related content.">
      <CardsDemo />
    </Section>
    <Section
      id="dialog"
      title="Dialog"
      lead="For a short task that needs the person's full attention."
    >
      <DialogDemo />
    </Section>
    <Section
      id="confirm-dialog"
      title="Confirm dialog"
      lead="Asks before an action that is hard to take back: the question, what happens, Cancel and the action."
    >
      <ConfirmDialogDemo />
    </Section>
    <Section
      id="text-fields"
      title="Text fields"
      lead="A label always; a hint when it helps; the error under the field, linked to it for screen readers."
    >
      <TextFieldsDemo />
    </Section>
    <Section id="select" title="Select" lead="One choice out of a known list.">
      <SelectDemo />
    </Section>
    <Section id="checkbox" title="Checkbox" lead="An on/off setting, with an optional hint.">
      <CheckboxDemo />
    </Section>
    <Section id="tabs" title="Tabs" lead="Views of the same thing, one at a time.">
      <TabsDemo />
    </Section>
    <Section
      id="segmented-control"
      title="Segmented control"
      lead="A compact single choice, built on radio buttons."
    >
      <SegmentedDemo />
    </Section>
    <Section
      id="empty-state"
      title="Empty state"
      lead="Says what would be here and how to get it there."
    >
      <EmptyStateDemo />
    </Section>
    <Section
      id="error-state"
      title="Error state"
      lead="What failed, why if we know, and a way to retry."
    >
      <ErrorStateDemo />
    </Section>
    <Section
      id="skeleton"
      title="Skeleton"
      lead="The shape of content that is loading; hidden from screen readers."
    >
      <SkeletonDemo />
    </Section>
    <Section id="spinner" title="Spinner" lead="Something is happening and it will not take long.">
      <SpinnerDemo />
    </Section>
    <Section id="kbd" title="Keyboard keys" lead="Keys in shortcut hints.">
      <KbdDemo />
    </Section>
    <Section
      id="vote-button"
      title="Vote button"
      lead="A toggle: its pressed state is announced, the count updates in place."
    >
      <VoteButtonDemo />
    </Section>
    <Section id="visually-hidden" title="Visually hidden" lead="Text for screen readers only.">
      <VisuallyHiddenDemo />
    </Section>
  </div>
);

export default DesignSystemPage;

import {
  FEEDBACK_DESCRIPTION_MAX,
  FEEDBACK_TITLE_MAX,
  FEEDBACK_TITLE_MIN,
  type SimilarFeedback,
} from '@chorus/domain/client';
import { WidgetError, type WidgetApi } from './api';
import { focusableIn, h } from './dom';
import styles from './widget.css?inline';

/** How long typing pauses before similar feedback is looked up. */
export const SIMILAR_DEBOUNCE_MS = 250;

type Suggestion = SimilarFeedback['suggestions'][number];

const votesText = (count: number) => (count === 1 ? '1 vote' : `${count} votes`);
const messageOf = (error: unknown) =>
  error instanceof WidgetError ? error.message : 'Something went wrong. Try again.';

/**
 * The floating "Feedback" button and its dialog, in a shadow root of their own: host styles do
 * not leak in, ours do not leak out. Styles are a constructed sheet, so a host CSP without
 * 'unsafe-inline' styles still allows them.
 */
export class FeedbackWidget {
  private readonly launcher = h(
    'button',
    { type: 'button', class: 'launcher', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' },
    'Feedback',
  );
  private readonly panel = h('div', {
    class: 'panel',
    role: 'dialog',
    'aria-modal': 'true',
    'aria-labelledby': 'chorus-title',
    hidden: true,
  });
  private readonly who = h('p', { class: 'panel__who' });
  private readonly notice = h(
    'p',
    { class: 'panel__notice', hidden: true },
    'Sign in to this site to send feedback.',
  );
  private readonly title = h('input', {
    id: 'chorus-feedback-title',
    class: 'field__input',
    maxlength: String(FEEDBACK_TITLE_MAX),
    autocomplete: 'off',
    required: true,
    'aria-describedby': 'chorus-title-hint chorus-title-error',
  });
  private readonly titleError = h('p', {
    id: 'chorus-title-error',
    class: 'field__error',
    hidden: true,
  });
  private readonly details = h('textarea', {
    id: 'chorus-feedback-details',
    class: 'field__input',
    maxlength: String(FEEDBACK_DESCRIPTION_MAX),
  });
  private readonly similarStatus = h('p', {
    class: 'similar__status',
    role: 'status',
    'aria-live': 'polite',
  });
  private readonly similarList = h('ul', { class: 'similar__list' });
  private readonly similar = h(
    'section',
    { class: 'similar', 'aria-labelledby': 'chorus-similar-heading', hidden: true },
    h('h3', { id: 'chorus-similar-heading', class: 'similar__heading' }, 'Similar feedback'),
    this.similarStatus,
    this.similarList,
  );
  private readonly formError = h('p', { class: 'panel__error', role: 'alert', hidden: true });
  private readonly submit = h('button', { type: 'submit', class: 'submit' }, 'Send feedback');
  private readonly form = h(
    'form',
    { novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field__label', for: 'chorus-feedback-title' }, 'Title'),
      h(
        'p',
        { id: 'chorus-title-hint', class: 'field__hint' },
        'In a few words: what would you like?',
      ),
      this.title,
      this.titleError,
    ),
    this.similar,
    h(
      'div',
      { class: 'field' },
      h('label', { class: 'field__label', for: 'chorus-feedback-details' }, 'Details (optional)'),
      this.details,
    ),
    this.formError,
    h('div', { class: 'panel__actions' }, this.submit),
  );
  private readonly doneText = h('p', { class: 'done__text', role: 'status' });
  private readonly again = h('button', { type: 'button', class: 'again' }, 'Send more feedback');
  private readonly done = h('div', { class: 'done', hidden: true }, this.doneText, this.again);

  private debounce: ReturnType<typeof setTimeout> | undefined;
  private lookup: AbortController | null = null;
  /** Ids voted for from this panel: the suggestions do not say whether you voted before. */
  private readonly voted = new Set<string>();

  constructor(
    host: HTMLElement,
    private readonly api: WidgetApi,
  ) {
    const root = host.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    root.adoptedStyleSheets = [sheet];
    const close = h(
      'button',
      { type: 'button', class: 'panel__close', 'aria-label': 'Close feedback' },
      '×',
    );
    this.panel.append(
      h(
        'div',
        { class: 'panel__header' },
        h('h2', { id: 'chorus-title', class: 'panel__title' }, 'Send feedback'),
        close,
      ),
      this.who,
      this.notice,
      this.form,
      this.done,
    );
    // Focusable by script only: where the focus goes when there is nothing to fill in.
    this.panel.tabIndex = -1;
    root.append(this.panel, this.launcher);

    this.launcher.addEventListener('click', () => (this.isOpen ? this.close() : this.open()));
    close.addEventListener('click', () => this.close());
    this.panel.addEventListener('keydown', (event) => this.onKeyDown(event));
    this.title.addEventListener('input', () => this.onTitleInput());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.send();
    });
    this.again.addEventListener('click', () => {
      this.done.hidden = true;
      this.form.hidden = false;
      this.title.focus();
    });
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  open(): void {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.showIdentity();
    (!this.api.identified ? this.panel : this.form.hidden ? this.again : this.title).focus();
  }

  close(): void {
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  /** The host said who its user is (again): whoever was shown before is forgotten. */
  identified(): void {
    this.voted.clear();
    this.done.hidden = true;
    this.similar.hidden = true;
    this.formError.hidden = true;
    if (this.isOpen) this.showIdentity();
  }

  private showIdentity(): void {
    const known = this.api.identified;
    this.notice.hidden = known;
    this.form.hidden = !known || !this.done.hidden;
    this.who.textContent = '';
    if (!known) return;
    this.api.whoAmI().then(
      (name) => (this.who.textContent = `Signed in as ${name}`),
      (error: unknown) => this.showFormError(messageOf(error)),
    );
  }

  /** Escape closes; Tab and Shift+Tab stay inside the dialog. */
  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = focusableIn(this.panel);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = (this.panel.getRootNode() as ShadowRoot).activeElement;
    if (event.shiftKey && (active === first || active === this.panel)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private onTitleInput(): void {
    this.setTitleError(undefined);
    clearTimeout(this.debounce);
    this.lookup?.abort();
    const typed = this.title.value.trim();
    if (typed.length < FEEDBACK_TITLE_MIN) {
      this.similar.hidden = true;
      return;
    }
    this.debounce = setTimeout(() => void this.findSimilar(typed), SIMILAR_DEBOUNCE_MS);
  }

  private async findSimilar(typed: string): Promise<void> {
    const lookup = new AbortController();
    this.lookup = lookup;
    this.similar.hidden = false;
    this.similar.setAttribute('aria-busy', 'true');
    this.similarStatus.textContent = 'Looking for similar feedback…';
    try {
      const { suggestions } = await this.api.similar(typed, lookup.signal);
      if (lookup.signal.aborted) return;
      this.similarList.replaceChildren(...suggestions.map((s) => this.suggestionItem(s)));
      this.similarStatus.textContent =
        suggestions.length === 0
          ? 'Nothing similar yet: yours will be the first.'
          : 'Already asked? Vote for it instead of sending it again.';
    } catch (error) {
      if (lookup.signal.aborted) return;
      this.similarList.replaceChildren();
      this.similarStatus.textContent = `Could not look for similar feedback: ${messageOf(error)}`;
    } finally {
      if (!lookup.signal.aborted) this.similar.removeAttribute('aria-busy');
    }
  }

  private suggestionItem(suggestion: Suggestion): HTMLLIElement {
    let voted = this.voted.has(suggestion.id);
    let count = suggestion.voteCount;
    const votes = h('span', { class: 'similar__votes', 'data-testid': 'chorus-vote-count' });
    const button = h('button', {
      type: 'button',
      class: 'vote',
      'aria-label': `Vote for “${suggestion.title}”`,
    });
    const render = () => {
      votes.textContent = votesText(count);
      button.textContent = voted ? 'Voted' : 'Vote';
      button.setAttribute('aria-pressed', String(voted));
    };
    render();
    button.addEventListener('click', () => void toggle());
    // aria-disabled, not disabled: a disabled button would drop the keyboard focus to the page.
    const toggle = async () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      button.setAttribute('aria-disabled', 'true');
      this.formError.hidden = true;
      try {
        const result = await this.api.vote(suggestion.id, !voted);
        if (result.voted !== voted) count += result.voted ? 1 : -1;
        voted = result.voted;
        if (voted) this.voted.add(suggestion.id);
        else this.voted.delete(suggestion.id);
        render();
      } catch (error) {
        this.showFormError(messageOf(error));
      } finally {
        button.removeAttribute('aria-disabled');
      }
    };
    return h(
      'li',
      { class: 'similar__item', 'data-feedback-id': suggestion.id },
      h('span', { class: 'similar__text' }, suggestion.title),
      votes,
      button,
    );
  }

  private async send(): Promise<void> {
    const title = this.title.value.trim();
    if (title.length < FEEDBACK_TITLE_MIN) {
      this.setTitleError(`Type at least ${FEEDBACK_TITLE_MIN} characters.`);
      this.title.focus();
      return;
    }
    if (this.submit.getAttribute('aria-disabled') === 'true') return;
    this.formError.hidden = true;
    this.submit.setAttribute('aria-disabled', 'true');
    this.submit.textContent = 'Sending…';
    try {
      await this.api.submit(title, this.details.value.trim());
      clearTimeout(this.debounce);
      this.lookup?.abort();
      this.title.value = '';
      this.details.value = '';
      this.similar.hidden = true;
      this.form.hidden = true;
      this.done.hidden = false;
      this.doneText.textContent = `Thanks! We got “${title}”.`;
      this.again.focus();
    } catch (error) {
      const titleMessage = error instanceof WidgetError ? error.fieldMessage('title') : undefined;
      if (titleMessage) {
        this.setTitleError(titleMessage);
        this.title.focus();
      } else this.showFormError(messageOf(error));
    } finally {
      this.submit.removeAttribute('aria-disabled');
      this.submit.textContent = 'Send feedback';
    }
  }

  private setTitleError(message: string | undefined): void {
    this.titleError.textContent = message ?? '';
    this.titleError.hidden = message === undefined;
    this.title.setAttribute('aria-invalid', String(message !== undefined));
  }

  private showFormError(message: string): void {
    this.formError.textContent = message;
    this.formError.hidden = false;
  }
}

import { WidgetApi } from './api';
import { FeedbackWidget } from './widget';

/** What the host page can call, e.g. from a single-page app once its user signs in. */
export type ChorusWidgetApi = {
  /** Who the user is: a JWT the host signed with the workspace's portal secret (null: nobody). */
  identify: (token: string | null) => void;
  open: () => void;
  close: () => void;
};

declare global {
  // Only an interface merges into the DOM's Window.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    ChorusWidget?: ChorusWidgetApi;
  }
}

/**
 * `<script src="https://chorus.example/widget.js" data-workspace="acme" data-token="…" async>`:
 * the API is where the script came from; the workspace and the user come from its attributes.
 */
const start = (script: HTMLScriptElement) => {
  const workspace = script.dataset.workspace;
  if (!workspace) {
    console.error('Chorus widget: add data-workspace="<your workspace slug>" to its script tag.');
    return;
  }
  const api = new WidgetApi(new URL(script.src, location.href).origin, workspace);
  api.identify(script.dataset.token || null);
  const host = document.createElement('chorus-feedback');
  const widget = new FeedbackWidget(host, api);
  window.ChorusWidget = {
    identify: (token) => {
      api.identify(token);
      widget.identified();
    },
    open: () => widget.open(),
    close: () => widget.close(),
  };
  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
};

// Read while the script runs: afterwards document.currentScript is null.
const script = document.currentScript;
if (!window.ChorusWidget && script instanceof HTMLScriptElement) start(script);

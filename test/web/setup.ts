// What antd needs from a browser, where the DOM of the tests lacks it: matchMedia (responsive grid,
// Table), ResizeObserver (TextArea autoSize, overflow), and a getComputedStyle that accepts a pseudo-element
// (rc-util measures the scrollbar with it). Imported first by every test/web file.
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class ResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  Object.assign(window, { ResizeObserver });
  Object.assign(globalThis, { ResizeObserver });
}

const computed = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element, pseudo?: string | null) => computed(el, pseudo ? undefined : pseudo);

// No server stands behind these pages (the data they show is put in the query cache): a request
// fails at once, as under a browser without network. Without this, Happy DOM would send it to
// http://localhost:3000 — the platform's own default port, so a developer's running server could
// answer.
const noServer = async (input: RequestInfo | URL): Promise<Response> => {
  throw new TypeError(`page tests have no server: ${String(input instanceof Request ? input.url : input)}`);
};
window.fetch = noServer;
globalThis.fetch = noServer;

// antd validates asynchronously; on a loaded two-core machine a message can take a few seconds.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 120_000 });

afterEach(() => cleanup());

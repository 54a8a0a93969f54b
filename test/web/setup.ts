// What antd needs from a browser that jsdom does not have: matchMedia (responsive grid, Table),
// ResizeObserver (TextArea autoSize, overflow), and a getComputedStyle that accepts a pseudo-element
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

// antd validates asynchronously; on a loaded two-core machine a message can take a few seconds.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 120_000 });

afterEach(() => cleanup());

// Renders a real page of the portal or console inside the apps' own providers (antd theme and
// locale, react-query) and a memory router. Data the page would fetch first is put into the query
// cache, as the app itself does after login, so no request is needed to show the form.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Providers, queryClient } from '../../web/shared/providers.tsx';

export function renderPage(
  page: ReactNode,
  opts: { path?: string; url?: string; cache?: [readonly unknown[], unknown][] } = {},
) {
  queryClient.clear();
  for (const [key, data] of opts.cache ?? []) queryClient.setQueryData(key, data);
  queryClient.setDefaultOptions({
    queries: { ...queryClient.getDefaultOptions().queries, staleTime: Infinity },
  });
  // No delay between keystrokes: typing is for the form's reactions, not for timing.
  const user = userEvent.setup({ delay: null });
  const result = render(
    <Providers>
      <MemoryRouter initialEntries={[opts.url ?? '/']}>
        <Routes>
          <Route path={opts.path ?? '/'} element={page} />
          <Route path="*" element={<p>navigated away</p>} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
  return { user, ...result };
}

/**
 * The button showing exactly this text. (getByRole computes the accessibility tree of the whole
 * page on every call, which takes seconds with antd on a busy machine.)
 */
export function button(text: string | RegExp): HTMLButtonElement {
  const el = screen.getByText(text, { selector: 'button, button *' }).closest('button');
  if (!el) throw new Error(`no button ${text}`);
  return el;
}

export const queryButton = (text: string | RegExp) =>
  screen.queryByText(text, { selector: 'button, button *' })?.closest('button') ?? null;

// @vitest-environment happy-dom
// A page (console or portal) that fails to render says so in Chinese with a way on (重新加载), and the next page
// the user opens renders again — not "Something went wrong." on every page after, as ProLayout's did.
import './setup.ts';
import { screen } from '@testing-library/react';
import { Link, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { PageBoundary } from '../../web/shared/PageBoundary.tsx';
import { renderPage } from './render.tsx';

function Broken(): never {
  throw new TypeError('createRequire is not a function');
}

function Console() {
  return (
    <>
      <Link to="/ok">数据分析</Link>
      <PageBoundary>
        <Routes>
          <Route path="/broken" element={<Broken />} />
          <Route path="/ok" element={<p>本页正常</p>} />
        </Routes>
      </PageBoundary>
    </>
  );
}

describe('a page that fails to render', () => {
  it('shows the error in Chinese with 重新加载, and the next page renders again', async () => {
    // React reports the caught error on the console; expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { user } = renderPage(<Console />, { path: '/*', url: '/broken' });
    expect(screen.getByText('页面出错了')).toBeTruthy();
    expect(screen.getByText(/请重新加载页面.*createRequire is not a function/)).toBeTruthy();
    expect(screen.getByText('重新加载')).toBeTruthy();
    expect(screen.queryByText('Something went wrong.')).toBeNull();
    await user.click(screen.getByText('数据分析'));
    expect(await screen.findByText('本页正常')).toBeTruthy();
    expect(screen.queryByText('页面出错了')).toBeNull();
    quiet.mockRestore();
  });
});

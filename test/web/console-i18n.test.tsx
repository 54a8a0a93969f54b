// @vitest-environment happy-dom
// The console's language switch: the login page (part of the translated shell) in English and back.
import './setup.ts';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n, { setLang } from '../../web/shared/i18n.ts';
import '../../web/console/en.ts';
import LoginPage from '../../web/console/pages/Login.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { button, renderPage } from './render.tsx';

afterEach(async () => {
  await act(() => setLang('zh-CN'));
});

describe('console language', () => {
  it('shows the login page in English after switching, and the required messages too', async () => {
    const { user } = renderPage(<LoginPage />, {
      cache: [
        [ME_KEY, null],
        [['demo-accounts'], null],
      ],
    });
    expect(screen.getByText('工作人员登录')).toBeTruthy();
    await act(() => setLang('en'));
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText('Staff login')).toBeTruthy();
    expect(screen.getByLabelText('User name')).toBeTruthy();
    await user.click(button('Log in'));
    expect(await screen.findByText('Enter your user name')).toBeTruthy();
    expect(screen.getByText('Enter your password')).toBeTruthy();
    expect(localStorage.getItem('xf_lang')).toBe('en');
  });
});

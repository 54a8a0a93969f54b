// @vitest-environment happy-dom
// 登记 (console): the registrar's form says which required fields are missing before anything is
// sent, checks the petitioner's phone, and (for a visit) the 权益保障卡号 format.
import './setup.ts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../web/shared/i18n.ts';
import RegisterPage from '../../web/console/pages/Register.tsx';
import { ME_KEY } from '../../web/shared/session.ts';
import { meOf } from './me.ts';
import { button, renderPage } from './render.tsx';

const registrar = meOf({
  id: 2,
  role: 'registrar',
  displayName: '鼓楼区登记员',
  unit: { id: 7, name: '南京市鼓楼区信访局', kind: 'bureau' },
  jurisdiction: { code: '320106', name: '鼓楼区', scopePrefix: '320106' },
});

describe('console registration form', () => {
  it('lists the missing required fields of a letter', async () => {
    const { user } = renderPage(<RegisterPage />, { url: '/?form=letter', cache: [[ME_KEY, registrar]] });
    await user.click(button(/^登\s*记$/));
    expect(await screen.findByText('请选择问题属地')).toBeTruthy();
    // antd validates each field asynchronously: wait for every message, not just the first.
    expect(await screen.findByText('请填写标题')).toBeTruthy();
    expect(await screen.findByText('请填写信访内容')).toBeTruthy();
    expect(await screen.findByText('此项必填')).toBeTruthy(); // 姓名
  });

  it('checks the phone number and the rights-card number of a visit', async () => {
    const { user } = renderPage(<RegisterPage />, { url: '/?form=visit', cache: [[ME_KEY, registrar]] });
    await user.click(await screen.findByLabelText('联系电话'));
    await user.paste('1380013');
    await user.click(screen.getByLabelText('权益保障卡号'));
    expect(await screen.findByText('请填写正确的11位手机号码')).toBeTruthy();
    await user.paste('卡12');
    await user.tab();
    expect(await screen.findByText('权益保障卡号应为6到30位字母、数字或“-”')).toBeTruthy();
    await user.clear(screen.getByLabelText('权益保障卡号'));
    await user.paste('JS-3201060012345');
    await user.tab();
    await waitFor(() => expect(screen.queryByText('权益保障卡号应为6到30位字母、数字或“-”')).toBeNull());
  });

  it('a letter may be marked 匿名来信: the petitioner fields go and the name is not asked for', async () => {
    const { user } = renderPage(<RegisterPage />, { url: '/?form=letter', cache: [[ME_KEY, registrar]] });
    expect(await screen.findByLabelText('姓名')).toBeTruthy();
    await user.click(screen.getByRole('checkbox', { name: '匿名来信' }));
    await waitFor(() => expect(screen.queryByLabelText('姓名')).toBeNull());
    expect(screen.queryByLabelText('联系电话')).toBeNull();
    expect(screen.getByText(/不发短信、不给查询码、不作评价/)).toBeTruthy();
    await user.click(button(/^登\s*记$/));
    expect(await screen.findByText('请填写标题')).toBeTruthy();
    expect(screen.queryByText('此项必填')).toBeNull();
  });

  it('a visit cannot be anonymous: the visitor is there', async () => {
    renderPage(<RegisterPage />, { url: '/?form=visit', cache: [[ME_KEY, registrar]] });
    expect(await screen.findByLabelText('姓名')).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /匿名/ })).toBeNull();
  });
});

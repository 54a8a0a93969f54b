// @vitest-environment happy-dom
// 我要信访 (portal): the content length counter, the minimum-length message, and the group petition's
// representatives (at most 5: the add button goes away at the limit; each name is checked).
import './setup.ts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import '../../web/shared/i18n.ts';
import { PROFILE_KEY } from '../../web/portal/pages/Profile.tsx';
import SubmitPage, { LinkedToOpenMatter } from '../../web/portal/pages/Submit.tsx';
import { button, queryButton, renderPage } from './render.tsx';

const profile = { name: '张三', idNumber: '11010519491231002X', phone: '13900000001' };

describe('portal petition form', () => {
  it('counts the content as it is typed and asks for at least 10 characters', async () => {
    const { user } = renderPage(<SubmitPage />, { cache: [[PROFILE_KEY, profile]] });
    const content = await screen.findByLabelText('信访内容');
    expect(screen.getByText('0 / 5000')).toBeTruthy();
    await user.click(content);
    await user.paste('小区噪音扰民');
    expect(screen.getByText('6 / 5000')).toBeTruthy();
    await user.click(button('提交'));
    expect(await screen.findByText('请详细描述信访事项，至少10个字')).toBeTruthy();
    // antd validates each field asynchronously: wait for every message, not just the first.
    expect(await screen.findByText('请填写标题')).toBeTruthy();
    expect(await screen.findByText('请先阅读并确认信访须知')).toBeTruthy();
    await user.click(content);
    await user.paste('，夜间施工持续到凌晨。');
    expect(screen.getByText('17 / 5000')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('请详细描述信访事项，至少10个字')).toBeNull());
  });

  it('takes at most 5 representatives and checks their names', async () => {
    const { user } = renderPage(<SubmitPage />, { cache: [[PROFILE_KEY, profile]] });
    await user.click(await screen.findByLabelText('多人联名信访'));
    expect(screen.getByText('代表（最多5人）')).toBeTruthy();
    for (let i = 1; i <= 5; i++) {
      await user.click(button('添加代表'));
      expect(screen.getByLabelText(`代表${i}姓名`)).toBeTruthy();
    }
    expect(queryButton('添加代表')).toBeNull();

    await user.click(screen.getByLabelText('代表1姓名'));
    await user.paste('A1');
    await user.tab();
    await user.click(screen.getByLabelText('删除代表5'));
    expect(screen.queryByLabelText('代表5姓名')).toBeNull();
    expect(button('添加代表')).toBeTruthy();
    await user.click(button('提交'));
    expect(await screen.findByText('请填写涉及人数')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText('此项必填')).toHaveLength(3)); // 代表2–4 without a name
    expect(await screen.findByText('姓名只能包含汉字、字母和间隔号“·”，长度2到20个字')).toBeTruthy();
  });

  it('says plainly that a follow-up was added to the open matter, and points to its remedy', async () => {
    const again = vi.fn();
    const done = {
      caseId: 7,
      caseNumber: '32010620260000007',
      state: 'reviewed',
      linkedTo: { caseId: 7, caseNumber: '32010620260000007' },
      nextSteps: [{ action: 'request_rereview', label: '申请复核' }],
    };
    const { user } = renderPage(<LinkedToOpenMatter done={done} onAgain={again} />);
    expect(await screen.findByText('已并入您尚未办结的信访事项')).toBeTruthy();
    // Grouped in fours for reading.
    expect(screen.getByText(/补充材料并入信访事项 3201 0620 2600 0000 7，不另立新件/)).toBeTruthy();
    expect(screen.getByText('对该事项，您现在可以：申请复核')).toBeTruthy();
    expect(screen.getByRole('link', { name: '去办理' }).getAttribute('href')).toBe('/cases/7');
    await user.click(button('提交其他事项'));
    expect(again).toHaveBeenCalledOnce();
  });
});

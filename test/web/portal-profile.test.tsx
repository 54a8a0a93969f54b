// @vitest-environment happy-dom
// 实名信息 (portal): the ID number is checked in the browser with the platform's own validator, so
// a wrong check digit is reported before anything is sent.
import './setup.ts';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../web/shared/i18n.ts';
import ProfilePage, { PROFILE_KEY } from '../../web/portal/pages/Profile.tsx';
import { button, renderPage } from './render.tsx';

const empty = { name: null, idNumber: null, phone: '13900000001' };

describe('portal real-name form', () => {
  it('says the check digit is wrong, and that the fields are required', async () => {
    const { user } = renderPage(<ProfilePage />, { url: '/?next=/submit', cache: [[PROFILE_KEY, empty]] });
    expect(screen.getByText('提交信访事项前，请先填写实名信息')).toBeTruthy();
    expect((screen.getByLabelText('手机号码') as HTMLInputElement).value).toBe('13900000001');

    await user.click(button('保存并继续'));
    await waitFor(() => expect(screen.getAllByText('此项必填')).toHaveLength(2));

    await user.click(screen.getByLabelText('姓名'));
    await user.paste('张三');
    // 11010519491231002X is valid; the same with check digit 3 is not.
    await user.click(screen.getByLabelText('身份证号码'));
    await user.paste('110105194912310023');
    await user.click(button('保存并继续'));
    expect(await screen.findByText('身份证号码校验位不正确，请核对')).toBeTruthy();
    // The required-field messages go once both fields are filled (after antd's leave animation).
    await waitFor(() => expect(screen.queryByText('此项必填')).toBeNull());
  });

  it('accepts a valid ID number (no message) and reports a bad birth date', async () => {
    const { user } = renderPage(<ProfilePage />, { cache: [[PROFILE_KEY, empty]] });
    const id = screen.getByLabelText('身份证号码');
    await user.click(id);
    await user.paste('110105194913310020');
    await user.tab();
    expect(await screen.findByText('身份证号码中的出生日期无效')).toBeTruthy();
    await user.clear(id);
    await user.paste('11010519491231002x');
    await user.tab();
    await waitFor(() =>
      expect(screen.queryByText(/身份证号码/, { selector: '.ant-form-item-explain-error' })).toBeNull(),
    );
  });
});

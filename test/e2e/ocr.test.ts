// 扫描来信 in the console, in a real Chromium at 1280×800: gl_registrar has typed a short 标题,
// uploads a letter rendered from known text, and the OCR suggestions fill the empty fields (姓名,
// 联系电话, 住址, 信访内容), each marked for checking; the typed 标题 stays and the scanned one is
// offered with 采用; then the letter is registered. Screenshot for the user guide (登记员篇).
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../helpers/harness.ts';
import { renderLetter, SAMPLE_LETTERS } from '../helpers/letters.ts';
import { browserSuite, expectNoTofu, saveScreenshot } from './browser.ts';

const suite = browserSuite();
const letter = SAMPLE_LETTERS[0];

describe('a registrar scanning a letter whose OCR text prefills the form', () => {
  it('fills the empty fields as suggestions, keeps what was typed, and registers', async () => {
    const page = await suite.newPage({ width: 1280, height: 800 });
    await page.goto(`${suite.server.url}/console/`);
    await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
    await page.getByLabel('用户名').fill('gl_registrar');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { name: '工作台', exact: true }).waitFor();

    await page.getByRole('link', { name: '登记' }).click();
    await page.getByRole('heading', { name: '登记来信' }).waitFor();
    await page.getByLabel('标题').fill('供暖问题');

    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/ocr/letters'));
    await page
      .getByTestId('scan-letter')
      .locator('input[type=file]')
      .setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: renderLetter(letter) });
    expect((await answered).status()).toBe(200);
    await page.getByText('已根据扫描件填入').waitFor();

    expect(await page.getByLabel('姓名').inputValue()).toBe(letter.name);
    expect(await page.getByLabel('联系电话').inputValue()).toBe(letter.phone);
    expect(await page.getByLabel('住址').inputValue()).toBe(letter.address);
    expect(await page.getByLabel('信访内容').inputValue()).toContain('保障居民正常供暖');
    // What the registrar typed is not overwritten; each filled field carries the mark.
    expect(await page.getByLabel('标题').inputValue()).toBe('供暖问题');
    expect(await page.getByText('识别建议，请对照原信核对').count()).toBe(4);
    await expectNoTofu(page);
    await page.evaluate('window.scrollTo(0, 0)');
    await saveScreenshot(page, 'console-register-ocr', { fullPage: false });

    await page.getByTestId('scan-letter').getByRole('button', { name: '采用识别结果' }).click();
    expect(await page.getByLabel('标题').inputValue()).toBe(letter.subject);

    await page.getByLabel('问题属地').click();
    for (const name of ['江苏省', '徐州市', '鼓楼区']) {
      await page
        .locator('.ant-cascader-menu-item')
        .filter({ hasText: new RegExp(`^${name}$`) })
        .click();
    }
    await page.getByRole('heading', { name: '信访事项' }).click();
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByRole('heading', { name: '登记成功' }).waitFor();
    await page.getByRole('button', { name: '查看事项' }).click();
    await page.getByText(letter.subject).first().waitFor();
    expect(await page.locator('body').innerText()).toContain(letter.name);
  }, 150_000);
});

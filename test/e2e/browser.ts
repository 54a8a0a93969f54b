// Browser tests: a system Chromium driven by playwright-core, against a real platform on a random port.
// Chromium is not downloaded by npm; CI installs it with apt (`apt-get install chromium fonts-noto-cjk`).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type LaunchOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { WEB_DIST, webBuilt } from '../../src/server/web.ts';
import { DEMO_PASSWORD, type Harness, startHarness } from '../helpers/harness.ts';

/**
 * Debian's Chromium, in one of its two headless builds (docs/testing.md). Most files drive
 * `chromium-headless-shell` (package chromium-headless-shell): the same Blink and Skia without the
 * full browser's GPU process and browser UI, which is what Playwright itself drives for headless
 * runs — the browser files took 0.74 × the time of the full browser, every file passing. The files
 * about what a citizen's browser does (first load over a slow network, video calls) drive the full
 * `/usr/bin/chromium` (`launchBrowser({ full: true })`). CHROMIUM_PATH overrides the headless one.
 */
export const FULL_CHROMIUM_PATH = process.env.FULL_CHROMIUM_PATH ?? '/usr/bin/chromium';
const HEADLESS_SHELL_PATH = '/usr/bin/chromium-headless-shell';
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? (existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : FULL_CHROMIUM_PATH);

/** The machine has no internet: without these flags Chromium keeps dialling Google services. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches the system Chromium (the full browser with `full`); throws (never skips) when it is not
 * installed. `args`: extra flags after CHROMIUM_ARGS (e.g. fake camera and microphone for the video
 * tests).
 */
export async function launchBrowser(
  opts: Pick<LaunchOptions, 'env'> & { args?: string[]; full?: boolean } = {},
): Promise<Browser> {
  const { args = [], full = false, ...rest } = opts;
  const executablePath = full ? FULL_CHROMIUM_PATH : CHROMIUM_PATH;
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. The browser tests need it and the CJK fonts: run ` +
        '`apt-get install chromium chromium-headless-shell fonts-noto-cjk` (or set CHROMIUM_PATH, ' +
        'FULL_CHROMIUM_PATH to a Chromium executable).',
    );
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...args],
    ...rest,
  });
  // Every page asks for reduced motion, which the apps honour: no zoom or slide in antd (a dialog
  // is where it ends up as soon as it opens, so a test never clicks it mid-animation) and charts
  // drawn at once (a screenshot never catches them growing). Chromium's own
  // --force-prefers-reduced-motion does not reach Playwright's contexts: they emulate the media
  // feature themselves, as 'no-preference' unless told.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = (options) => newContext({ reducedMotion: 'reduce', ...options });
  return browser;
}

export interface Server {
  h: Harness;
  /** e.g. http://127.0.0.1:40123 — no trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** A real platform (see test/helpers/harness.ts) listening on a random local port. */
export async function startServer(opts: Parameters<typeof startHarness>[0] = {}): Promise<Server> {
  const h = await startHarness(opts);
  try {
    const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    return { h, url: url.replace(/\/$/, ''), close: () => h.close() };
  } catch (e) {
    await h.close();
    throw e;
  }
}

const SCREENSHOT_DIR = fileURLToPath(new URL('../../artifacts/screenshots/', import.meta.url));

/**
 * Full-page screenshot to artifacts/screenshots/<name>.png (artifacts/ is gitignored, kept by CI).
 * `fullPage: false` shoots just the viewport — for open modals, whose mask covers only the viewport.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}${name}.png`;
  await page.screenshot({ path, fullPage });
  return path;
}

export interface GlyphReport {
  /** The font-family the probe was drawn with (the element's computed one). */
  fontFamily: string;
  /** The code point used as the "no glyph" reference (a private-use one, drawn as the .notdef box). */
  reference: string;
  /** CJK characters whose pixels are identical to the .notdef reference: tofu. */
  tofu: string[];
  /** CJK characters that drew no pixels at all. */
  blank: string[];
  /** Number of distinct pixel images among the probe characters (1 means they all look the same). */
  distinct: number;
  /** What document.fonts.check() said — true even for missing system fonts, so it proves nothing. */
  fontsCheck: boolean;
}

const PROBE = '信访事项办理登录';

/**
 * Draws CJK characters and a private-use code point (no font has it, so it draws the .notdef box) on a
 * canvas with the element's computed font-family and compares their pixels. A CJK character without a
 * font draws that same .notdef box: identical pixels mean tofu.
 */
export async function glyphReport(page: Page, selector = 'body', probe = PROBE): Promise<GlyphReport> {
  // Passed as source text: the test transpiler may wrap functions in helpers (`__name`) that do not
  // exist in the page.
  return page.evaluate<GlyphReport>(`(${GLYPH_REPORT_SOURCE})(${JSON.stringify({ selector, probe })})`);
}

const GLYPH_REPORT_SOURCE = String.raw`async ({ selector, probe }) => {
  await document.fonts.ready;
  const el = document.querySelector(selector);
  if (!el) throw new Error('glyphReport: no element ' + selector);
  const fontFamily = getComputedStyle(el).fontFamily;
  const font = '32px ' + fontFamily;
  const draw = (text) => {
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, 48, 48);
    ctx.font = font;
    ctx.fillStyle = '#000';
    ctx.textBaseline = 'middle';
    ctx.fillText(text, 4, 24);
    // One byte per pixel is enough: black on white.
    const rgba = ctx.getImageData(0, 0, 48, 48).data;
    let s = '';
    for (let i = 0; i < rgba.length; i += 4) s += String.fromCharCode(rgba[i]);
    return s;
  };
  const white = draw('');
  // Two different unassigned/private-use code points must draw the same box, else some font covers
  // them and they are no .notdef reference; then try the next pair.
  const candidates = [['\uE000', '\uE001'], ['\u{10FFFD}', '\u{10FFFC}'], ['\u0378', '\u0379']];
  let reference = '';
  let notdef = '';
  for (const [a, b] of candidates) {
    const pa = draw(a);
    if (pa === draw(b)) {
      reference = a;
      notdef = pa;
      break;
    }
  }
  if (!reference) throw new Error('glyphReport: found no code point that draws the .notdef glyph');
  const chars = [...new Set(probe)];
  const images = chars.map(draw);
  return {
    fontFamily,
    reference: 'U+' + reference.codePointAt(0).toString(16).toUpperCase(),
    tofu: chars.filter((_, i) => images[i] === notdef),
    blank: chars.filter((_, i) => images[i] === white),
    distinct: new Set(images).size,
    fontsCheck: document.fonts.check(font, probe),
  };
}`;

/** Fails when the page's CJK text would show as tofu boxes (or as nothing) for lack of a CJK font. */
export async function expectNoTofu(page: Page, selector = 'body'): Promise<GlyphReport> {
  const r = await glyphReport(page, selector);
  const chars = [...new Set(PROBE)].length;
  if (r.tofu.length > 0 || r.blank.length > 0 || r.distinct < chars) {
    throw new Error(
      `CJK text renders as tofu (no CJK font for "${r.fontFamily}"): ` +
        `tofu=[${r.tofu.join('')}] blank=[${r.blank.join('')}] distinct=${r.distinct}/${chars} ` +
        `(document.fonts.check said ${r.fontsCheck}). Install fonts-noto-cjk.`,
    );
  }
  return r;
}

/**
 * Environment for a Chromium that sees the machine's fonts minus every font that has CJK glyphs: what a
 * machine without fonts-noto-cjk looks like. For the self-test proving expectNoTofu() can fail.
 */
export async function envWithoutCjkFonts(): Promise<NodeJS.ProcessEnv> {
  const dir = await mkdtemp(join(tmpdir(), 'xf-fontconfig-'));
  const reject = [...new Set(PROBE)]
    .map(
      (c) =>
        `<pattern><patelt name="charset"><charset><int>0x${c.codePointAt(0)?.toString(16)}</int></charset></patelt></pattern>`,
    )
    .join('\n      ');
  const file = join(dir, 'fonts.conf');
  await writeFile(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont>
    <rejectfont>
      ${reject}
    </rejectfont>
  </selectfont>
</fontconfig>
`,
  );
  return { ...process.env, FONTCONFIG_FILE: file };
}

/**
 * Chooses an option of an antd radio group by clicking its label until the radio reports checked:
 * button-style radios hide their input (0 × 0), and a click during the modal's opening animation
 * can be lost.
 */
export async function pickRadio(group: Locator, name: string): Promise<void> {
  const radio = group.getByRole('radio', { name, exact: true });
  for (let attempt = 0; attempt < 3 && !(await radio.isChecked()); attempt++) {
    await group.getByText(name, { exact: true }).click();
    for (let wait = 0; wait < 30 && !(await radio.isChecked()); wait++) await sleep(100);
  }
  if (!(await radio.isChecked())) throw new Error(`radio ${name} did not become checked`);
}

/**
 * Ticks a checkbox, clicking again until it reports checked: a click during a modal's opening
 * animation can be lost (Playwright's check() then fails with "did not change its state").
 */
export async function tick(box: Locator): Promise<void> {
  for (let attempt = 0; attempt < 3 && !(await box.isChecked()); attempt++) {
    await box.click();
    for (let wait = 0; wait < 30 && !(await box.isChecked()); wait++) await sleep(100);
  }
  if (!(await box.isChecked())) throw new Error('the checkbox did not become checked');
}

export interface BrowserSuite {
  /** The running platform (after beforeAll). */
  readonly server: Server;
  readonly browser: Browser;
  /** A page in a fresh context: zh-CN, Asia/Shanghai, downloads accepted, 30 s default timeout. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  /** Logs a staff user into the console and waits for the landing page's heading (工作台 unless given). */
  loginConsole(page: Page, username: string, landing?: string): Promise<void>;
}

/**
 * The set-up every browser test file shares: checks the web apps are built, launches Chromium and a
 * platform (then `setup`, e.g. seeding), and closes both after the file. Call at the file's top level.
 */
export function browserSuite(
  opts: {
    setup?: (server: Server) => Promise<void>;
    server?: Parameters<typeof startServer>[0];
    /** For a long seeding set-up (default: the config's hook timeout). */
    setupTimeoutMs?: number;
    /** The full browser rather than the headless shell (see CHROMIUM_PATH). */
    fullBrowser?: boolean;
  } = {},
): BrowserSuite {
  let browser: Browser | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    if (!webBuilt()) {
      throw new Error(
        `The web apps are not built: ${WEB_DIST}. Run \`npm run build:web\` before the browser tests.`,
      );
    }
    browser = await launchBrowser({ full: opts.fullBrowser });
    server = await startServer(opts.server);
    await opts.setup?.(server);
  }, opts.setupTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const suite: BrowserSuite = {
    get server() {
      if (!server) throw new Error('browserSuite: the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('browserSuite: the browser starts in beforeAll');
      return browser;
    },
    async newPage(viewport = { width: 1440, height: 900 }) {
      const context = await suite.browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport,
        acceptDownloads: true,
      });
      // Chromium, the server and the database share two cores: allow for a loaded machine.
      context.setDefaultTimeout(30_000);
      return context.newPage();
    },
    async loginConsole(page, username, landing = '工作台') {
      await page.goto(`${suite.server.url}/console/`);
      await page.getByRole('heading', { name: '工作人员登录' }).waitFor();
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('heading', { name: landing, exact: true }).waitFor();
    },
  };
  return suite;
}

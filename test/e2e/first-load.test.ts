// A citizen's first visit on a slow phone network (issue 18, speed): the portal and the console's
// login page load over a throttled mobile profile with the build's precompressed assets, the
// favicon answers, and an anonymous page logs no failed request. Times and bytes are reported
// (artifacts/first-load.md and the test output), never asserted: they depend on the machine.
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './browser.ts';

// The full browser, as a citizen has it (test/e2e/browser.ts).
const suite = browserSuite({ fullBrowser: true });

/** Lighthouse's mobile profile ("slow 4G", often called 3G-like): 150 ms RTT, 1.6 Mbit/s down. */
const MOBILE = {
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

interface Load {
  page: string;
  ms: number;
  requests: number;
  transferredKb: number;
  uncompressedKb: number;
  assetsNotCompressed: string[];
  failed: string[];
  consoleErrors: string[];
}

/**
 * Opens `path` cold over the mobile profile and waits for `ready`; what was sent and how long.
 * `identity` asks for no compression: the same run's baseline, as the files were sent before.
 */
async function firstLoad(
  page: Page,
  path: string,
  ready: (p: Page) => Promise<void>,
  identity = false,
): Promise<Load> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...MOBILE });
  if (identity) await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'identity' } });
  let transferred = 0;
  let decoded = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    transferred += e.encodedDataLength;
    requests++;
  });
  cdp.on('Network.dataReceived', (e: { dataLength: number }) => {
    decoded += e.dataLength;
  });
  const assetsNotCompressed: string[] = [];
  const failed: string[] = [];
  const consoleErrors: string[] = [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (res.status() >= 400) failed.push(`${res.status()} ${url.pathname}`);
    // The build compresses files of 1 KB and more (web/vite.config.ts).
    const size = Number(res.headers()['content-length'] ?? 0);
    if (
      /^\/assets\/.+\.(js|css)$/.test(url.pathname) &&
      res.headers()['content-encoding'] !== 'br' &&
      size >= 1024
    )
      assetsNotCompressed.push(`${url.pathname} (${size} B)`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  const started = Date.now();
  await page.goto(`${suite.server.url}${path}`);
  await ready(page);
  const ms = Date.now() - started;
  // The browser asks for /favicon.ico on its own, after load; ask as it would.
  const icon = await page.evaluate(async () => (await fetch('/favicon.ico')).status);
  if (icon !== 200) failed.push(`${icon} /favicon.ico`);
  await cdp.detach();
  return {
    page: path,
    ms,
    requests,
    transferredKb: Math.round(transferred / 1024),
    uncompressedKb: Math.round(decoded / 1024),
    assetsNotCompressed,
    failed,
    consoleErrors,
  };
}

describe('first load on a slow phone network', () => {
  it('sends compressed assets, answers the favicon and logs no failed request', async () => {
    const pages = [
      { path: '/portal/', heading: '信访人登录', viewport: { width: 390, height: 844 } },
      { path: '/console/', heading: '工作人员登录', viewport: { width: 1280, height: 800 } },
    ];
    const loads: Load[] = [];
    const baseline: Load[] = [];
    for (const { path, heading, viewport } of pages) {
      const ready = (p: Page) => p.getByRole('heading', { name: heading }).waitFor();
      baseline.push(await firstLoad(await suite.newPage(viewport), path, ready, true));
      loads.push(await firstLoad(await suite.newPage(viewport), path, ready));
    }
    const report = [
      '# First load over a throttled mobile profile (150 ms RTT, 1.6 Mbit/s down), cold cache',
      '',
      '| page | time to first screen (ms) | uncompressed baseline (ms) | requests | transferred (KB) | baseline (KB) |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...loads.map((l, k) => {
        const b = baseline[k] as Load;
        return `| ${l.page} | ${l.ms} | ${b.ms} | ${l.requests} | ${l.transferredKb} | ${b.transferredKb} |`;
      }),
      '',
    ].join('\n');
    const dir = fileURLToPath(new URL('../../artifacts/', import.meta.url));
    await mkdir(dir, { recursive: true });
    await writeFile(`${dir}first-load.md`, report);
    console.log(report);
    for (const l of loads) {
      expect(l.assetsNotCompressed, l.page).toEqual([]);
      expect(l.failed, l.page).toEqual([]);
      expect(l.consoleErrors, l.page).toEqual([]);
      // Compression at work: far fewer bytes on the wire than the files hold.
      expect(l.transferredKb, l.page).toBeLessThan(l.uncompressedKb / 2);
    }
    // The baseline did get the files as they are (else it measures nothing).
    for (const b of baseline) {
      expect(b.transferredKb, b.page).toBeGreaterThan(b.uncompressedKb * 0.9);
    }
  });
});

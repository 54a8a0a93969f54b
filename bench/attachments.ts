// `npm run bench attachments`: upload and download throughput of attachments, 20 files of 2 MB
// each over HTTP (multipart in, bytes out, through sniffing, encryption and the store), for each
// backend — the data dir ('fs') and the database ('db') — on embedded PGlite and, with DATABASE_URL,
// on PostgreSQL. Figures and the choice they support: docs/attachments.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PASSWORD, BENCH_USER, openTarget, type Target, targetSpecs } from './targets.ts';

const FILE_BYTES = 2 * 1024 * 1024;
const print = (s = '') => process.stdout.write(`${s}\n`);

/** A PDF-typed file of random bytes: a new content each time (no dedup), no thumbnail to render. */
const pdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(FILE_BYTES - 9)]);

async function session(t: Target): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function newCase(t: Target, token: string): Promise<number> {
  const res = await fetch(`${t.url}/api/v1/cases`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      form: 'letter',
      subject: '附件基准测试来信',
      content: '附件基准测试来信内容，反映道路破损问题，请求处理。',
      jurisdictionCode: '320106',
      petitioner: { name: '李四', phone: '13811110000' },
    }),
  });
  if (res.status !== 201) throw new Error(`case: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { caseId: number }).caseId;
}

interface Run {
  backend: string;
  files: number;
  uploadMBs: number;
  downloadMBs: number;
  uploadMsPerFile: number;
  downloadMsPerFile: number;
}

async function runBackend(t: Target, token: string, backend: 'fs' | 'db', files: number): Promise<Run> {
  const caseId = await newCase(t, token);
  const auth = { authorization: `Bearer ${token}` };
  const contents = Array.from({ length: files }, pdf);
  const ids: number[] = [];
  const up0 = performance.now();
  for (const [i, c] of contents.entries()) {
    const form = new FormData();
    form.append('file', new Blob([c]), `scan-${i}.pdf`);
    const res = await fetch(`${t.url}/api/v1/cases/${caseId}/attachments?purpose=evidence`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const item = ((await res.json()) as { items: { id: number }[] }).items[0];
    ids.push(item?.id ?? 0);
  }
  const upMs = performance.now() - up0;
  const down0 = performance.now();
  for (const [i, id] of ids.entries()) {
    const res = await fetch(`${t.url}/api/v1/attachments/${id}/content`, { headers: auth });
    const got = Buffer.from(await res.arrayBuffer());
    if (!got.equals(contents[i] ?? Buffer.alloc(0))) throw new Error(`download ${id}: bytes differ`);
  }
  const downMs = performance.now() - down0;
  const mb = (files * FILE_BYTES) / 1024 / 1024;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    backend,
    files,
    uploadMBs: r1(mb / (upMs / 1000)),
    downloadMBs: r1(mb / (downMs / 1000)),
    uploadMsPerFile: r1(upMs / files),
    downloadMsPerFile: r1(downMs / files),
  };
}

export async function runAttachmentBench(opts: { quick: boolean }): Promise<void> {
  const files = opts.quick ? 5 : 20;
  print(
    `附件吞吐 / attachment throughput: ${files} × 2 MB, sequential HTTP requests, ${os.cpus().length} CPUs`,
  );
  for (const spec of targetSpecs()) {
    const t = await openTarget(spec);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xinfang-bench-att-'));
    const saved = { store: t.ctx.config.attachmentStore, dataDir: t.ctx.config.dataDir };
    try {
      const token = await session(t);
      print(`\n${t.kind} — ${t.storage}`);
      print('backend | upload MB/s | download MB/s | upload ms/file | download ms/file');
      for (const backend of ['fs', 'db'] as const) {
        // The files backend in a temp dir of its own (the in-memory and PostgreSQL targets have none).
        Object.assign(t.ctx.config, {
          attachmentStore: backend,
          dataDir: backend === 'fs' && saved.dataDir.startsWith('memory://') ? dir : saved.dataDir,
        });
        const r = await runBackend(t, token, backend, files);
        print(
          `${r.backend} | ${r.uploadMBs} | ${r.downloadMBs} | ${r.uploadMsPerFile} | ${r.downloadMsPerFile}`,
        );
      }
    } finally {
      Object.assign(t.ctx.config, { attachmentStore: saved.store, dataDir: saved.dataDir });
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

// Runs Debian's tesseract (tesseract-ocr + tesseract-ocr-chi-sim, installed by .ci/run and the
// README's notes) on one image: the bytes go in on stdin and the text comes back on stdout, so no
// part of the letter is written to disk. One OCR at a time (the engine takes a core for seconds), a
// short queue behind it, a time limit, a cap on the text read back; nothing of the letter is logged.
import { spawn } from 'node:child_process';
import { AppError } from '../errors.ts';

export interface OcrOptions {
  /** Tesseract's languages (`-l`). */
  lang: string;
  timeoutMs: number;
  /** Requests waiting behind the one running before a new one is turned away (503). */
  maxQueue: number;
}

export const OCR_DEFAULTS: OcrOptions = { lang: 'chi_sim', timeoutMs: 60_000, maxQueue: 4 };
const MAX_TEXT_BYTES = 256 * 1024;

const unavailable = () =>
  new AppError(
    503,
    'ocr_unavailable',
    '本机未安装文字识别组件（tesseract-ocr、tesseract-ocr-chi-sim），请联系管理员安装后再扫描来信',
  );

/** One tesseract run; rejects with an AppError the route can answer with. */
function runOnce(image: Buffer, o: OcrOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    // --psm 6: the page as one block of text, which a letter is; measured in docs/ocr.md.
    const child = spawn('tesseract', ['stdin', 'stdout', '-l', o.lang, '--psm', '6'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // One thread: tesseract's OpenMP would otherwise take every core from the server.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1' },
    });
    const out: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err: AppError | null, text?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(err);
      else resolve(text ?? '');
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new AppError(422, 'ocr_timeout', '图片识别超时：请扫描清晰、大小适中的信件页面后重试', 'image'));
    }, o.timeoutMs);
    child.on('error', (e: NodeJS.ErrnoException) =>
      finish(
        e.code === 'ENOENT' ? unavailable() : new AppError(503, 'ocr_failed', '文字识别暂不可用，请稍后再试'),
      ),
    );
    child.stdout.on('data', (d: Buffer) => {
      size += d.length;
      if (size <= MAX_TEXT_BYTES) out.push(d);
    });
    // stderr says which image failed and why (without the text): read and dropped.
    child.stderr.resume();
    child.stdin.on('error', () => {}); // the engine may stop reading a broken image early
    child.stdin.end(image);
    child.on('close', (code) => {
      if (code === 0) finish(null, Buffer.concat(out).toString('utf8'));
      else if (!settled)
        finish(
          new AppError(
            422,
            'ocr_unreadable',
            '无法识别该图片：请上传 PNG 或 JPEG 格式的信件扫描件或照片',
            'image',
          ),
        );
    });
  });
}

/** A queue of one: OCR requests run one after another, a few wait, more are turned away. */
export class OcrEngine {
  private running: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly options: OcrOptions = OCR_DEFAULTS) {}

  async recognise(image: Buffer): Promise<string> {
    if (this.waiting > this.options.maxQueue) throw new AppError(503, 'ocr_busy', '文字识别正忙，请稍后再试');
    this.waiting++;
    const turn = this.running.then(
      () => runOnce(image, this.options),
      () => runOnce(image, this.options),
    );
    this.running = turn.catch(() => undefined);
    try {
      return await turn;
    } finally {
      this.waiting--;
    }
  }
}

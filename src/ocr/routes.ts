// /api/v1/ocr: 来信识别 — a scanned letter (PNG or JPEG, the image as the request body) read by the
// OCR engine into the text and the registration fields it suggests (subject, content, name, phone,
// address), for the registrar to confirm on the form. Nothing is stored: the image and the text
// live for the request only, and the log gets the timing and which fields were found, never the
// words. Thin: src/ocr/tesseract.ts reads, src/domain/ocr/ suggests, src/policies/ocr.ts decides.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { extractLetterFields } from '../domain/ocr/fields.ts';
import { OCR_IMAGE_TYPES, OCR_LIMITS, readImageHeader } from '../domain/ocr/image.ts';
import { badRequest } from '../errors.ts';
import { ensureAllowed } from '../policies/index.ts';
import { ocrPolicy } from '../policies/ocr.ts';
import { actorOf } from '../server/auth.ts';
import { OcrResult } from './contract.ts';
import { OcrEngine } from './tesseract.ts';

const TYPE_MESSAGE = '请上传 PNG 或 JPEG 格式的信件扫描件或照片';

export const ocrRoutes =
  (ctx: AppContext, engine = new OcrEngine()): FastifyPluginAsyncZod =>
  async (app) => {
    app.addContentTypeParser(
      [...OCR_IMAGE_TYPES],
      { parseAs: 'buffer', bodyLimit: OCR_LIMITS.maxBytes },
      (_req, body, done) => done(null, body),
    );

    app.post(
      '/ocr/letters',
      {
        schema: {
          tags: ['ocr'],
          summary:
            '来信识别：上传信件扫描件或照片（请求体为 image/png 或 image/jpeg，不超过 10 MB），' +
            '返回识别的文字和建议填写的登记字段（标题、内容、姓名、电话、地址），由登记人员核对；图片不保存',
          response: { 200: OcrResult },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        ensureAllowed(ocrPolicy.scan(actor), '您没有权限识别来信');
        if (!Buffer.isBuffer(req.body) || req.body.length === 0)
          throw badRequest('ocr_image_type', TYPE_MESSAGE, 'image');
        const read = readImageHeader(req.body);
        if (!read.ok)
          throw read.code === 'ocr_image_type'
            ? badRequest('ocr_image_type', TYPE_MESSAGE, 'image')
            : badRequest(
                'ocr_image_size',
                `图片尺寸过大：宽、高均不超过 ${OCR_LIMITS.maxSide} 像素，总像素不超过 ${OCR_LIMITS.maxPixels / 1_000_000} 百万`,
                'image',
              );
        const started = Date.now();
        const text = await engine.recognise(req.body);
        const fields = extractLetterFields(text);
        // Which fields were found and how long it took: never the text, a name or a number.
        ctx.log.info(
          { ocr: { ms: Date.now() - started, chars: text.length, found: Object.keys(fields) } },
          'letter recognised',
        );
        return { text, fields, width: read.header.width, height: read.header.height };
      },
    );
  };

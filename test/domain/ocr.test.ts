// Registration fields from OCR text (src/domain/ocr/fields.ts) and the image header check
// (src/domain/ocr/image.ts): pure, on texts shaped like what tesseract returns.
import { describe, expect, it } from 'vitest';
import { extractLetterFields, findMobiles, tidyOcrText } from '../../src/domain/ocr/fields.ts';
import { OCR_LIMITS, readImageHeader } from '../../src/domain/ocr/image.ts';

const OCR = `关于小区供暖不达标的来信
尊敬的信访局领导 :

我是鼓楼区华山路十二号小区的居民。 今年入冬以来，小区供暖温度
长期低于十六度， 老人孩子受冻， 多次向物业和热力公司反映均无结果。
恳请贵局督促有关部门尽快查明原因， 保障居民正常供暖。
姓名: 王建国
联系电话: 139 1234 5678
住址: 江苏省徐州市鼓楼区华山路12号3单元502室
二〇二六年十一月二十日
`;

describe('extractLetterFields', () => {
  it('suggests subject, body, name, phone and address from a printed letter', () => {
    expect(extractLetterFields(OCR)).toEqual({
      subject: '关于小区供暖不达标的来信',
      content:
        '我是鼓楼区华山路十二号小区的居民。今年入冬以来，小区供暖温度长期低于十六度，老人孩子受冻，' +
        '多次向物业和热力公司反映均无结果。恳请贵局督促有关部门尽快查明原因，保障居民正常供暖。',
      name: '王建国',
      phone: '13912345678',
      address: '江苏省徐州市鼓楼区华山路12号3单元502室',
    });
  });

  it('reads the other labels: 信访人 / 具名, 手机, 地址, 标题 / 事由', () => {
    const f = extractLetterFields(
      '县信访局：\n事由：拖欠工资\n我们被拖欠工资四十六万元，请求帮助。\n信访人：李春梅（代表）\n手机：15851234567\n地址：沭阳县城南工地宿舍',
    );
    expect(f).toMatchObject({
      subject: '拖欠工资',
      name: '李春梅',
      phone: '15851234567',
      address: '沭阳县城南工地宿舍',
    });
    expect(f.content).toBe('我们被拖欠工资四十六万元，请求帮助。');
    expect(extractLetterFields('具名 陈晓东 电话 18762345190').name).toBe('陈晓东');
    expect(extractLetterFields('信访人李春梅代表').name).toBe('李春梅');
  });

  it('leaves a field out rather than guessing', () => {
    // No label: no name; two numbers and no 电话 label: no phone; a salutation is no subject.
    const f = extractLetterFields('尊敬的领导：\n张三和李四打架了，13912345678 和 13812345678 都打过。');
    expect(f.name).toBeUndefined();
    expect(f.phone).toBeUndefined();
    expect(f.subject).toBeUndefined();
    expect(f.content).toBe('张三和李四打架了，13912345678 和 13812345678 都打过。');
    expect(extractLetterFields('')).toEqual({});
    // A misread name (digits) fails the name check.
    expect(extractLetterFields('姓名：王1').name).toBeUndefined();
  });

  it('keeps suggestions within the form limits', () => {
    const f = extractLetterFields(`标题：${'长'.repeat(300)}\n${'内容。'.repeat(3000)}`);
    expect(f.subject).toHaveLength(100);
    expect(f.content).toHaveLength(5000);
  });
});

describe('mobile numbers and tidying', () => {
  it('finds 11-digit mobiles, split or fullwidth, and no landlines or longer numbers', () => {
    expect(findMobiles(tidyOcrText('电话：１３９１２３４５６７８'))).toEqual(['13912345678']);
    expect(findMobiles('139-1234-5678，025-84561234')).toEqual(['13912345678']);
    expect(findMobiles('身份证 320102199001011234')).toEqual([]);
    expect(findMobiles('12912345678')).toEqual([]); // 12x is no mobile prefix
  });

  it('removes OCR spaces between Chinese characters but not between Latin words', () => {
    expect(tidyOcrText('小区 供暖 ， 温度 ABC DEF')).toBe('小区供暖，温度 ABC DEF');
  });
});

describe('readImageHeader', () => {
  const png = (w: number, h: number) => {
    const b = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b);
    b.writeUInt32BE(13, 8);
    b.write('IHDR', 12, 'latin1');
    b.writeUInt32BE(w, 16);
    b.writeUInt32BE(h, 20);
    return b;
  };
  const jpeg = (w: number, h: number) =>
    Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x04,
      0x00,
      0x00, // SOI, APP0 of 2 bytes payload
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      h >> 8,
      h & 0xff,
      w >> 8,
      w & 0xff,
      0x03,
      0,
      0,
      0,
      0,
    ]);

  it('tells PNG and JPEG by their bytes and reads the size', () => {
    expect(readImageHeader(png(1240, 1754))).toEqual({
      ok: true,
      header: { type: 'image/png', width: 1240, height: 1754 },
    });
    expect(readImageHeader(jpeg(2480, 3508))).toEqual({
      ok: true,
      header: { type: 'image/jpeg', width: 2480, height: 3508 },
    });
  });

  it('refuses other bytes and pages too large to decode', () => {
    expect(readImageHeader(Buffer.from('%PDF-1.7'))).toEqual({ ok: false, code: 'ocr_image_type' });
    expect(readImageHeader(Buffer.from([0xff, 0xd8, 0xff]))).toEqual({ ok: false, code: 'ocr_image_type' });
    expect(readImageHeader(png(OCR_LIMITS.maxSide + 1, 100))).toEqual({ ok: false, code: 'ocr_image_size' });
    expect(readImageHeader(png(7000, 7000))).toEqual({ ok: false, code: 'ocr_image_size' });
    expect(readImageHeader(png(0, 100))).toEqual({ ok: false, code: 'ocr_image_size' });
  });
});

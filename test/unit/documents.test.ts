import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  chineseDate,
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  type DocumentData,
  DocumentDataError,
  type DocumentKind,
  defaultDocumentNumber,
  legalBasisFor,
  renderDocument,
} from '../../src/documents/index.ts';

/** A minimal unzip: reads the central directory, inflates DEFLATE (8) or copies stored (0) entries. */
function unzip(zip: Buffer): Map<string, Buffer> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('no end of central directory');
  const files = new Map<string, Buffer>();
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = zip.readUInt16LE(eocd + 10); n > 0; n--) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const nameLen = zip.readUInt16LE(p + 28);
    const local = zip.readUInt32LE(p + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + zip.readUInt32LE(p + 20));
    const data = zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    expect(data.length).toBe(zip.readUInt32LE(p + 24));
    files.set(zip.toString('utf8', p + 46, p + 46 + nameLen), data);
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return files;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
/** The visible text of a WordprocessingML part, one line per paragraph. */
const textOf = (xml: string) =>
  xml
    .split('</w:p>')
    .map((para) => [...para.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] ?? '').join(''))
    .join('\n')
    .replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ENTITIES[e] ?? '');

const CASE_NO = '3201062026000123';
const ISSUED = '二〇二六年十一月二十七日';
const ZJJ = '南京市鼓楼区住房和城乡建设局';
const GULOU = '南京市鼓楼区人民政府';
const at = (iso: string) => new Date(`${iso}T12:00:00+08:00`);
const base: DocumentData = {
  issuingBody: '南京市鼓楼区信访局',
  caseNumber: CASE_NO,
  issuedAt: new Date('2026-11-27T10:00:00+08:00'),
  petitionerName: '张三',
  receivedAt: new Date('2026-11-20T09:30:00+08:00'),
  subject: '小区加装电梯财政补贴未发放',
  contactPhone: '025-83200000',
};
const opinion = {
  ...base,
  request: '要求按照政策发放加装电梯财政补贴',
  facts:
    '你所在小区3幢加装电梯项目已于2026年6月竣工验收，补贴申请材料中缺少特种设备使用登记证明，经两次书面通知补正，至今未补齐',
  reasons:
    '按照本市既有住宅增设电梯财政补贴的有关规定，申请补贴应当提交完整的申请材料，你方申请材料不完整，不符合发放条件',
};
const REASON = '你反映的物业服务收费争议属于小区业主与物业服务企业之间的民事纠纷';
const JD = '南京市鼓楼区宁海路街道办事处';
const NJ = '南京市人民政府';
const EXT_REASON = '该事项涉及多个部门，需要进一步调取工程验收资料';
const ext = { extensionReason: EXT_REASON };

/** Per kind: realistic data, and what its text must contain ('|'-separated). */
const CASES: Record<DocumentKind, { data: DocumentData; expects: string }> = {
  acceptance_notice: {
    data: { ...base, dueDate: new Date('2027-01-19T23:59:59+08:00') },
    expects: '予以受理|《信访工作条例》第二十二条、第二十三条|60日内办结|二〇二七年一月十九日|特此告知。',
  },
  non_acceptance_notice: {
    data: { ...base, reasonCode: 'NOT_IN_REMIT', reasonText: REASON, competentBody: JD },
    expects: `不予受理|${REASON}|请你向${JD}提出|第二十三条`,
  },
  forward_letter: {
    data: { ...base, targetUnit: ZJJ },
    expects: `${ZJJ}：|转送你单位|信访人张三|15日内|5个工作日内提出异议|此函。`,
  },
  assignment_order: {
    data: { ...base, targetUnit: ZJJ, dueDate: at('2026-12-25') },
    expects: '交由你单位办理|二〇二六年十二月二十五日前|办结报告|承办单位|第二十二条',
  },
  extension_notice: {
    data: { ...base, issuingBody: ZJJ, dueDate: at('2027-01-19'), newDueDate: at('2027-02-18'), ...ext },
    expects: `延长至二〇二七年二月十八日|因${EXT_REASON}|第三十四条|负责人批准`,
  },
  handling_opinion: {
    data: { ...opinion, issuingBody: ZJJ, outcome: '不予支持', reviewBody: GULOU },
    expects: `一、信访请求|对你提出的信访请求，不予支持。|第三十一条、第三十二条|第三十五条|自收到本意见书之日起30日内，向本机关的上一级机关${GULOU}请求复查`,
  },
  review_opinion: {
    data: { ...opinion, issuingBody: GULOU, originalBody: ZJJ, outcome: '维持', reviewBody: NJ },
    expects: `维持${ZJJ}作出的信访处理意见|30日内|向复查机关的上一级机关${NJ}请求复核`,
  },
  rereview_opinion: {
    data: { ...opinion, issuingBody: NJ, originalBody: GULOU, outcome: 'uphold' },
    expects: `维持${GULOU}作出的复查意见|同一事实和理由|不再受理|第三十六条第三款`,
  },
  hearing_notice: {
    data: {
      ...base,
      issuingBody: NJ,
      hearingStage: '复核',
      hearingAt: new Date('2026-12-03T09:30:00+08:00'),
      hearingPlace: '南京市信访局三楼听证室',
      participants: '信访人、鼓楼区信访局、鼓楼区住房和城乡建设局',
    },
    expects: '决定举行听证|二〇二六年十二月三日9时30分|南京市信访局三楼听证室|不计入复核期限|特此通知。',
  },
  hearing_record: {
    data: {
      ...base,
      issuingBody: NJ,
      hearingAt: new Date('2026-12-03T09:30:00+08:00'),
      hearingPlace: '南京市信访局三楼听证室',
      participants: '信访人、鼓楼区住房和城乡建设局',
      hearingRecord: '信访人陈述补贴申请经过，住建局说明材料缺失情况',
      decision: '建议住建局一次性告知需补正的材料',
    },
    expects: '复查听证笔录|一、听证情况|信访人陈述补贴申请经过|二、听证意见|一次性告知需补正的材料',
  },
};

async function open(kind: DocumentKind, data: DocumentData) {
  const r = await renderDocument(kind, data);
  const files = unzip(r.buffer);
  const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
  const footers = [...files].filter(([n]) => /^word\/footer\d*\.xml$/.test(n));
  const footerText = footers.map(([, b]) => textOf(b.toString())).join('\n');
  return { r, files, xml, text: textOf(xml), footerText };
}

describe('renderDocument', () => {
  it.each(DOCUMENT_KINDS)('%s: valid docx with title, case, body, petitioner, own content', async (kind) => {
    const { data, expects } = CASES[kind];
    const { r, files, text, footerText } = await open(kind, data);
    expect(r.buffer.subarray(0, 2).toString('latin1')).toBe('PK');
    expect([...files.keys()]).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    expect(r.title).toBe(DOCUMENT_TITLES[kind]);
    expect(r.filename).toBe(`${CASE_NO}-${DOCUMENT_TITLES[kind]}.docx`);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    const must = `${r.title}|${CASE_NO}|${data.issuingBody}|${data.petitionerName}|${ISSUED}|${expects}`;
    for (const s of must.split('|')) expect(text).toContain(s);
    expect(text).toMatch(/〔2026〕123号/);
    expect(footerText).toContain(`${CASE_NO}\u3000可凭信访件编号和查询码查询办理进展`);
  });

  it.each(DOCUMENT_KINDS)('%s: the template adds no ID or phone numbers of its own', async (kind) => {
    const { text, footerText } = await open(kind, { ...CASES[kind].data, contactPhone: undefined });
    const longRuns = `${text}\n${footerText}`.match(/\d{11,}/g) ?? [];
    expect(longRuns.every((run) => run === CASE_NO)).toBe(true);
    expect(`${text}${footerText}`).not.toMatch(/\d{17}[\dXx]|身份证|手机/);
  });

  it('addresses the petitioner and signs with the body and the date, in 公文 layout', async () => {
    const { xml, text } = await open('acceptance_notice', CASES.acceptance_notice.data);
    expect(text.split('\n')).toContain('张三：');
    const signed = `南京市鼓楼区信访局\n${ISSUED}|（联系电话：025-83200000）|鼓信受〔2026〕123号`;
    for (const s of signed.split('|')) expect(text).toContain(s);
    // A4; 仿宋 body, 宋体 title, 黑体 headings; 2-character first-line indent; 三号 body; right-aligned signature
    const layout =
      'w:w="11906"|w:eastAsia="FangSong"|w:eastAsia="SimSun"|w:firstLineChars="200"|<w:sz w:val="32"/>';
    for (const s of `${layout}|<w:jc w:val="right"/>`.split('|')) expect(xml).toContain(s);
    expect(xml).toMatch(/<w:b\/>.*<w:sz w:val="44"\/>/); // bold 二号 title
    const opinionXml = (await open('handling_opinion', CASES.handling_opinion.data)).xml;
    expect(opinionXml).toContain('w:eastAsia="SimHei"');
  });

  it('titles a final refusal 不再受理告知书 and says 不再受理', async () => {
    const data = { ...base, final: true, reasonCode: 'REREVIEW_DONE_SAME_FACTS' };
    const { r, text } = await open('non_acceptance_notice', data);
    expect(r.title).toBe('信访事项不再受理告知书');
    expect(r.filename).toBe(`${CASE_NO}-信访事项不再受理告知书.docx`);
    const must = '决定对该信访事项不再受理|《信访工作条例》第三十六条|鼓信不再受〔2026〕123号';
    for (const s of must.split('|')) expect(text).toContain(s);
  });

  it('prints the outcomes 支持 and 解释说明, and uses a given 文号 and legal basis', async () => {
    const h = CASES.handling_opinion.data;
    const data = { ...h, outcome: 'supported', documentNumber: '鼓住建信〔2026〕7号' };
    const legalBasis = ['《南京市既有住宅增设电梯实施办法》第十条', '《信访工作条例》第三十二条'];
    const { text } = await open('handling_opinion', { ...data, legalBasis });
    expect(text).toContain('予以支持');
    expect(text).toContain('鼓住建信〔2026〕7号');
    expect(text).toContain(`根据${legalBasis.join('，')}的规定`);
    const explained = await open('handling_opinion', { ...data, outcome: '解释说明' });
    expect(explained.text).toContain('作出解释说明');
  });

  it('refuses to render without the facts the document must state', async () => {
    const h = CASES.handling_opinion.data;
    const fails = (kind: DocumentKind, data: DocumentData) => expect(renderDocument(kind, data)).rejects;
    await fails('handling_opinion', { ...h, reviewBody: undefined }).toThrow(DocumentDataError);
    await fails('handling_opinion', { ...h, outcome: '同意' }).toThrow(/支持/);
    await fails('non_acceptance_notice', base).toThrow(DocumentDataError);
    await fails('extension_notice', { ...base, newDueDate: undefined }).toThrow(/newDueDate/);
    await fails('forward_letter', base).toThrow(/targetUnit/);
  });
});

describe('deterministic bytes', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the same sha256 for the same input, whatever the clock says', async () => {
    const data = CASES.handling_opinion.data;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const a = await renderDocument('handling_opinion', data);
    vi.setSystemTime(new Date('2031-06-15T08:31:17Z'));
    const b = await renderDocument('handling_opinion', data);
    expect(b.sha256).toBe(a.sha256);
    expect(b.buffer.equals(a.buffer)).toBe(true);
    const core = unzip(a.buffer).get('docProps/core.xml')?.toString('utf8') ?? '';
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-27T02:00:00Z</dcterms:created>',
    );
    const later = await renderDocument('handling_opinion', {
      ...data,
      issuedAt: new Date('2026-11-28T10:00:00+08:00'),
    });
    expect(later.sha256).not.toBe(a.sha256);
  });
});

describe('formatting', () => {
  it('writes Asia/Shanghai dates in Chinese numerals', () => {
    const cases: [string, string][] = [
      ['2026-11-27T10:00:00+08:00', '二〇二六年十一月二十七日'],
      ['2025-09-30T16:30:00Z', '二〇二五年十月一日'], // 00:30 in Shanghai
      ['2020-01-31T15:59:59Z', '二〇二〇年一月三十一日'],
      ['2020-01-31T16:00:00Z', '二〇二〇年二月一日'],
      ['2009-12-10T12:00:00+08:00', '二〇〇九年十二月十日'],
    ];
    for (const [iso, zh] of cases) expect(chineseDate(new Date(iso))).toBe(zh);
  });

  it('derives a default 文号 from body, kind, year and case sequence', () => {
    const at = new Date('2026-11-27T10:00:00+08:00');
    const cases: [string, DocumentKind, string, string][] = [
      ['南京市鼓楼区信访局', 'acceptance_notice', CASE_NO, '鼓信受〔2026〕123号'],
      ['南京市信访局', 'forward_letter', CASE_NO, '宁信转〔2026〕123号'],
      ['江苏省信访局', 'assignment_order', '32000020260004567', '苏信交〔2026〕4567号'],
      ['南京市鼓楼区住房和城乡建设局', 'handling_opinion', CASE_NO, '鼓住建处〔2026〕123号'],
      ['南京市城市管理局', 'review_opinion', CASE_NO, '宁城管复查〔2026〕123号'],
    ];
    for (const [body, kind, no, want] of cases)
      expect(defaultDocumentNumber(body, kind, at, no, false)).toBe(want);
  });

  it('names the default articles of 《信访工作条例》 per kind', () => {
    const r = (...n: string[]) => n.map((x) => `《信访工作条例》第${x}条`);
    expect(legalBasisFor('acceptance_notice')).toEqual(r('二十二', '二十三'));
    expect(legalBasisFor('non_acceptance_notice')).toEqual(r('二十三'));
    expect(legalBasisFor('non_acceptance_notice', { reasonCode: 'LEGAL_CHANNEL' })).toEqual(r('三十一'));
    expect(legalBasisFor('non_acceptance_notice', { final: true })).toEqual(r('三十六'));
    expect(legalBasisFor('forward_letter')).toEqual(r('二十二'));
    expect(legalBasisFor('extension_notice')).toEqual(r('三十四'));
    expect(legalBasisFor('handling_opinion')).toEqual(r('三十一', '三十二', '三十五'));
    expect(legalBasisFor('review_opinion')).toEqual(r('三十五', '三十六'));
    expect(legalBasisFor('rereview_opinion')).toEqual(r('三十六'));
  });
});

// Open311 GeoReport v2 over HTTP: services are the content categories; a client posts a request with
// its key (form field `api_key`, form-encoded, as the standard does) and gets the case number and a
// token; the request reads back open, then with the handling opinion as status_notes, and closed
// once terminal; filters work; no personal data leaves; every answer, JSON and XML, validates against
// the GeoReport v2 schemas written from the specification (docs/schemas/georeport-v2.schema.json).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XmlDocument, type XmlElement } from 'xmldoc';
import { type Harness, startHarness } from '../helpers/harness.ts';

let h: Harness;
let key = '';
let readOnly = '';
let outsider = ''; // a key of 玄武区: sees nothing of 鼓楼区

const schema = JSON.parse(
  readFileSync(new URL('../../docs/schemas/georeport-v2.schema.json', import.meta.url), 'utf8'),
);
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(schema);
const check = (def: string, value: unknown) => {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
  if (!validate) throw new Error(`no schema ${def}`);
  const ok = validate(value);
  expect(ok, JSON.stringify(validate.errors)).toBe(true);
};

/** The XML answer as the objects its JSON twin has: root and item names checked against `x-xml`. */
function xmlAsObjects(def: string, text: string): unknown {
  const doc = new XmlDocument(text);
  const xml = schema.$defs[def]['x-xml'] as { root: string; item?: string };
  expect(doc.name).toBe(xml.root);
  const leaf = (e: XmlElement): unknown => {
    const kids = e.children.filter((c): c is XmlElement => c.type === 'element');
    if (kids.length === 0) return e.val;
    return Object.fromEntries(kids.map((k) => [k.name, leaf(k)]));
  };
  const items = doc.children.filter((c): c is XmlElement => c.type === 'element');
  for (const i of items) expect(i.name).toBe(xml.item);
  return items.map((i) => {
    const o = leaf(i) as Record<string, unknown>;
    // XML has no booleans or numbers: the specification's examples write them as text.
    if (o.metadata !== undefined) o.metadata = o.metadata === 'true';
    if (o.code !== undefined && /^\d+$/.test(String(o.code))) o.code = Number(o.code);
    return o;
  });
}

async function both(def: string, path: string, headers: Record<string, string> = {}) {
  const json = await h.app.inject({ url: `/open311/v2/${path}.json`, headers });
  const xml = await h.app.inject({ url: `/open311/v2/${path}.xml`, headers });
  expect(json.headers['content-type']).toContain('application/json');
  expect(xml.headers['content-type']).toContain('text/xml');
  check(def, json.json());
  const fromXml = xmlAsObjects(def, xml.body);
  check(def, fromXml);
  expect(fromXml).toEqual(json.json());
  return { status: json.statusCode, body: json.json(), xml: xml.body };
}

const post = (payload: Record<string, string>, format = 'json', headers: Record<string, string> = {}) =>
  h.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(payload).toString(),
  });

async function newKey(admin: string, unitOf: string, scopes: string[]) {
  const units = (await h.app.inject({ url: `/api/v1/jurisdictions/${unitOf}` })).json().units;
  const unitId = units.find((u: { kind: string }) => u.kind === 'bureau').id;
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: h.as(admin),
    payload: { name: `Open311 ${scopes.join('+')}`, unitId, scopes },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().key as string;
}

beforeAll(async () => {
  h = await startHarness();
  await h.loginAll(['gl_admin', 'nj_admin', 'gl_registrar']);
  key = await newKey('gl_admin', '320106', ['read', 'register']);
  readOnly = await newKey('gl_admin', '320106', ['read']);
  outsider = await newKey('nj_admin', '320102', ['read']);
});
afterAll(async () => {
  await h?.close();
});

const request = {
  service_code: '010000',
  description: '小区北门路灯坏了三个月，晚上很黑，李四华（电话13912340000）摔倒过。',
  jurisdiction_id: '320106',
  last_name: '李',
  first_name: '四华',
  phone: '13912340000',
  email: 'lsh@example.com',
  address_string: '鼓楼区某某小区北门',
  lat: '32.06',
  long: '118.77',
};

describe('Open311 GeoReport v2', () => {
  let id = '';
  let token = '';

  it('lists the content categories as services, and a service definition, in JSON and XML', async () => {
    const services = await both('services', 'services');
    expect(services.body).toHaveLength(16);
    expect(services.body[0]).toMatchObject({
      service_code: '010000',
      service_name: '城乡建设',
      metadata: false,
    });
    const def = await h.app.inject({ url: '/open311/v2/services/010000.json' });
    check('serviceDefinition', def.json());
    const defXml = await h.app.inject({ url: '/open311/v2/services/010000.xml' });
    expect(defXml.body).toContain('<service_definition><service_code>010000</service_code>');
    // Public: no key needed, and a key sent along does no harm.
    expect(
      (await h.app.inject({ url: '/open311/v2/services.json', headers: { 'x-api-key': key } })).statusCode,
    ).toBe(200);
  });

  it('a POST with the api_key field registers a matter and answers its id and a token', async () => {
    const res = await post({ ...request, api_key: key });
    expect(res.statusCode, res.body).toBe(201);
    check('postResponse', res.json());
    id = res.json()[0].service_request_id;
    token = res.json()[0].token;
    expect(id).toMatch(/^320106\d{11,13}$/);
    const t = await both('tokenResponse', `tokens/${token}`);
    expect(t.body).toEqual([{ service_request_id: id, token }]);
  });

  it('reads the request back: open, its service and place, and nothing personal', async () => {
    const one = await both('serviceRequests', `requests/${id}`, { 'x-api-key': readOnly });
    const r = one.body[0];
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      service_code: '010000',
      service_name: '城乡建设',
    });
    expect(r.address).toBe('江苏省南京市鼓楼区');
    expect(r.status_notes).toBe('待受理');
    const all = JSON.stringify(one.body) + one.xml;
    for (const secret of ['13912340000', '李四华', 'lsh@example.com', '某某小区北门'])
      expect(all).not.toContain(secret);
  });

  it('after the reply the status notes carry the handling opinion, redacted; terminal is closed', async () => {
    const caseId = (
      await h.app.inject({ url: `/api/v1/cases?q=${id}`, headers: h.as('gl_registrar') })
    ).json().items[0].id;
    await h.act('gl_registrar', caseId, 'accept');
    await h.act('gl_registrar', caseId, 'reply', {
      outcome: 'supported',
      request: '修复路灯',
      facts: '路灯线路老化',
      reasons: '属市政设施维护范围',
      decision: '已通知养护单位于7日内修复，李四华可拨打13912340000以外的热线12345查询。',
    });
    const r = (await both('serviceRequests', `requests/${id}`, { 'x-api-key': key })).body[0];
    expect(r.status).toBe('open'); // replied, not yet closed
    expect(r.status_notes).toContain('处理结果：支持');
    expect(r.status_notes).toContain('已通知养护单位于7日内修复');
    expect(r.status_notes).toContain('李**');
    expect(r.status_notes).not.toContain('李四华');
    expect(r.status_notes).not.toContain('13912340000');

    const other = await post({
      ...request,
      description: '这是第二件诉求，反映噪声扰民问题很久了',
      api_key: key,
    });
    const otherId = other.json()[0].service_request_id;
    const otherCase = (
      await h.app.inject({ url: `/api/v1/cases?q=${otherId}`, headers: h.as('gl_registrar') })
    ).json().items[0].id;
    await h.act('gl_registrar', otherCase, 'not_accept', {
      reasonCode: 'NOT_IN_REMIT',
      reasonText: '不属于本机关职权',
    });
    const closed = await both('serviceRequests', 'requests', { 'x-api-key': key });
    expect(
      closed.body.find((x: { service_request_id: string }) => x.service_request_id === otherId).status,
    ).toBe('closed');
  });

  it('filters by status, service_code, service_request_id, dates and jurisdiction_id', async () => {
    const headers = { 'x-api-key': key };
    const statuses = (await both('serviceRequests', 'requests', headers)).body.map(
      (r: { status: string }) => r.status,
    );
    expect(new Set(statuses)).toEqual(new Set(['open', 'closed']));
    const q = async (query: string) =>
      (await h.app.inject({ url: `/open311/v2/requests.json?${query}`, headers })).json() as {
        status: string;
        service_code: string;
        service_request_id: string;
      }[];
    expect((await q('status=closed')).every((r) => r.status === 'closed')).toBe(true);
    expect((await q('status=open')).every((r) => r.status === 'open')).toBe(true);
    expect((await q('service_code=010000')).every((r) => r.service_code === '010000')).toBe(true);
    expect((await q('service_code=130000')).some((r) => r.service_request_id === id)).toBe(false);
    expect((await q(`service_request_id=${id}`)).map((r) => r.service_request_id)).toEqual([id]);
    expect(await q('start_date=2000-01-01T00:00:00Z&end_date=2000-02-01T00:00:00Z')).toEqual([]);
    expect((await q('jurisdiction_id=320106')).some((r) => r.service_request_id === id)).toBe(true);
    expect(await q('jurisdiction_id=320102')).toEqual([]);
  });

  it('a key of another county sees nothing of it', async () => {
    const res = await h.app.inject({
      url: `/open311/v2/requests/${id}.json`,
      headers: { 'x-api-key': outsider },
    });
    expect(res.statusCode).toBe(404);
    check('errors', res.json());
    const list = await h.app.inject({ url: '/open311/v2/requests.json', headers: { 'x-api-key': outsider } });
    expect(list.json().some((r: { service_request_id: string }) => r.service_request_id === id)).toBe(false);
  });

  it('errors answer in the standard shape, JSON and XML, with Chinese descriptions', async () => {
    const noKey = await h.app.inject({ url: '/open311/v2/requests.json' });
    expect(noKey.statusCode).toBe(401);
    check('errors', noKey.json());
    const readKey = await post({ ...request, api_key: readOnly });
    expect(readKey.statusCode).toBe(403);
    expect(readKey.json()[0].description).toContain('权限范围');
    const badKey = await post({ ...request, api_key: 'xfk_nope' }, 'xml');
    expect(badKey.statusCode).toBe(401);
    check('errors', xmlAsObjects('errors', badKey.body));
    const unknown = await post({ ...request, service_code: '123456', api_key: key });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()[0].description).toContain('未知的服务代码');
    const short = await post({ ...request, description: '太短', api_key: key });
    expect(short.statusCode).toBe(400);
    check('errors', short.json());
    const noName = await post({ service_code: '010000', description: request.description, api_key: key });
    expect(noName.statusCode).toBe(400);
    const badStatus = await h.app.inject({
      url: '/open311/v2/requests.json?status=pending',
      headers: { 'x-api-key': key },
    });
    expect(badStatus.statusCode).toBe(400);
    const badToken = await h.app.inject({ url: '/open311/v2/tokens/1.AAAAAAAAAAAAAAAAAAAAAAAA.json' });
    expect(badToken.statusCode).toBe(404);
    check('errors', badToken.json());
  });
});

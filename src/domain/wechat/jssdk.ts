// JS-SDK configuration (微信 JS 接口签名): the page inside WeChat's browser calls wx.config with
// the app id, a timestamp, a nonce and the SHA-1 over the jsapi_ticket and the page's URL, as
// WeChat's JS-SDK documentation, appendix 1, defines it (fields in ASCII order, URL without '#…').
import { createHash } from 'node:crypto';

export interface JssdkSignInput {
  jsapiTicket: string;
  nonceStr: string;
  /** Unix seconds. */
  timestamp: number;
  url: string;
}

/** The page URL as signed: everything before '#' (WeChat signs the URL without its fragment). */
export function signableUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** sha1("jsapi_ticket=…&noncestr=…&timestamp=…&url=…"), hex. Values are not URL-escaped. */
export function jssdkSignature(i: JssdkSignInput): string {
  const plain =
    `jsapi_ticket=${i.jsapiTicket}&noncestr=${i.nonceStr}` +
    `&timestamp=${i.timestamp}&url=${signableUrl(i.url)}`;
  return createHash('sha1').update(plain).digest('hex');
}

/** The JS APIs our portal pages use inside WeChat: sharing and choosing/uploading an image. */
export const JS_API_LIST = [
  'updateAppMessageShareData',
  'updateTimelineShareData',
  'chooseImage',
  'uploadImage',
] as const;

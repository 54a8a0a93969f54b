// Fake petitioners for synthetic cases. Encrypting per row is the slow part of seeding, so a pool
// of identities is encrypted once and reused (which also makes some petitioners recur, as in life).
// Names are a surname + 某; phones avoid the demo citizen's number; ID numbers have a valid check digit.
import { idNumberCheckDigit } from '../domain/validation/idNumber.ts';
import type { Pii } from '../security/pii.ts';
import { ESTATES, SURNAMES } from './catalog.ts';
import type { Rng } from './random.ts';

export interface Identity {
  nameEnc: string;
  phoneEnc: string;
  phoneHash: string;
  idNumberEnc: string;
  idNumberHash: string;
  addressEnc: string;
}

const MOBILE_PREFIXES = ['138', '139', '136', '137', '135', '150', '151', '152', '157', '158', '159', '187'];
const RESERVED_PHONES = new Set(['13900000001']);

export function identityPool(
  rng: Rng,
  pii: Pii,
  size: number,
  counties: readonly { code: string; fullName: string }[],
): Identity[] {
  const pool: Identity[] = [];
  const phones = new Set<string>();
  while (pool.length < size) {
    let phone = '';
    do {
      phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    } while (RESERVED_PHONES.has(phone) || phones.has(phone));
    phones.add(phone);
    const home = rng.pick(counties);
    const birth = new Date(Date.UTC(rng.int(1945, 2003), rng.int(0, 11), rng.int(1, 28)));
    const first17 = `${home.code}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(rng.int(0, 999)).padStart(3, '0')}`;
    const idNumber = first17 + idNumberCheckDigit(first17);
    const name = rng.pick(SURNAMES) + (rng.chance(0.6) ? '某某' : '某');
    const address = `${home.fullName}${rng.pick(ESTATES)}${rng.int(1, 40)}幢${rng.int(1, 30)}0${rng.int(1, 4)}室`;
    pool.push({
      nameEnc: pii.encrypt(name),
      phoneEnc: pii.encrypt(phone),
      phoneHash: pii.hash(phone),
      idNumberEnc: pii.encrypt(idNumber),
      idNumberHash: pii.hash(idNumber),
      addressEnc: pii.encrypt(address),
    });
  }
  return pool;
}

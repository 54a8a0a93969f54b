// GeoReport v2 answers, field by field as the specification names them (docs/interop.md). Nothing
// personal: no parties, no content, no address of a person; the title and notes redacted.
import type { CaseState } from '../domain/lifecycle/vocabulary.ts';
import {
  type Open311Service,
  redactForPublic,
  serviceOf,
  statusNotes,
  statusOf,
  w3cDateTime,
} from '../domain/open311/mapping.ts';
import type { RequestRow } from './queries.ts';

export function presentService(s: Open311Service) {
  return { ...s };
}

export function presentRequest(r: RequestRow) {
  const state = r.state as CaseState;
  const service = serviceOf(r.categoryCode);
  return {
    service_request_id: r.caseNumber,
    status: statusOf(state),
    status_notes: statusNotes(state, r.note, r.names),
    service_name: service.name,
    service_code: service.code,
    description: redactForPublic(r.subject, r.names),
    agency_responsible: r.unitName ?? '',
    service_notice: '',
    requested_datetime: w3cDateTime(r.receivedAt),
    updated_datetime: w3cDateTime(r.updatedAt),
    expected_datetime: r.dueAt && statusOf(state) === 'open' ? w3cDateTime(r.dueAt) : '',
    address: r.placeName,
    address_id: '',
    zipcode: '',
    media_url: '',
  };
}

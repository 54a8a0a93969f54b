// The limits in force in a jurisdiction (GET /api/v1/settings/limits/{code}: the jurisdiction's own
// settings, else its parents', else the law's defaults) — the forms read them from the server
// instead of repeating a number an administrator may have changed (docs/architecture.md, server–web
// contract). Until the answer arrives, or without a place chosen yet, the law's defaults.
import { useQuery } from '@tanstack/react-query';
import { DEFAULT_LIMITS, type Limits } from '../../src/domain/lifecycle/limits.ts';
import { api } from './api.ts';

export function useLimits(jurisdictionCode: string | undefined): Limits {
  const q = useQuery({
    queryKey: ['limits', jurisdictionCode],
    queryFn: () => api<Limits>(`/api/v1/settings/limits/${jurisdictionCode}`),
    enabled: Boolean(jurisdictionCode),
    staleTime: 5 * 60_000,
    retry: false,
  });
  return q.data && typeof q.data.maxRepresentatives === 'number' ? q.data : DEFAULT_LIMITS;
}

/** The chosen place of a cascader value (its last, finest code). */
export const placeCode = (place: readonly string[] | undefined): string | undefined =>
  place && place.length > 0 ? place[place.length - 1] : undefined;

// The province's 二、三级分类 (GET /api/v1/categories/dictionary) as the console reads it: one query
// key and one fetch for the admin page, the registration form and the search's category tree, so an
// edit or an import refreshes all three.
import { useQuery } from '@tanstack/react-query';
import type { Dictionary } from '../../src/categories/contract.ts';
import { api } from '../shared/api.ts';

export const DICTIONARY_KEY = ['categoryDictionary'];

/** The dictionary, kept five minutes (it changes a few times a year). */
export const useCategoryDictionary = () =>
  useQuery({
    queryKey: DICTIONARY_KEY,
    queryFn: () => api<Dictionary>('/api/v1/categories/dictionary'),
    staleTime: 5 * 60_000,
  });

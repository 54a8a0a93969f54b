// The duplicate check's answer (登记前查重; server–web contract, docs/architecture.md). Only zod, the
// domain and other contracts here: the console's registration form imports the type with
// `import type`.
import { z } from 'zod';
import { SimilarCase } from '../domain/relatedCases.ts';

/** POST /cases/similar: the matters a petition being registered may repeat or duplicate. */
export const SimilarAnswer = z.object({ candidates: z.array(SimilarCase) });
export type SimilarAnswer = z.infer<typeof SimilarAnswer>;

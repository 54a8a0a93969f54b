// What the classify capability publishes: another classifier version (or the built-in lexicon) was
// put into service from the console.
import type { Actor } from '../policies/index.ts';

export interface ClassifierActivated {
  actor: Actor;
  version: number | 'lexicon';
  at: Date;
}

export interface ClassifyEvents {
  'classifier.activated': ClassifierActivated;
}

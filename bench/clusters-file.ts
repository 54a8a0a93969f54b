// The word-cluster file of bench/word-clusters.ts, read by bench/classifier-variants.ts (CLUSTERS=):
// several clusterings of one vocabulary, each named `K` or `Kr<restart>`; gzip when it ends in .gz.
import fs from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface WordClusterFile {
  words: string[];
  sets: { name: string; cluster: number[] }[];
}

export function readClusterFile(path: string): WordClusterFile {
  const bytes = fs.readFileSync(path);
  return JSON.parse((path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as WordClusterFile;
}

import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The API references (seeds) the catalogue and simulator tests check against, kept in the repository
 * (gzip) so that a clone alone runs every test. Each is the reference as distributed, unchanged.
 */
const SEEDS = {
  '000': '000_50e123ec23da5191.txt.gz',
  '002': '002_6b81598d2ff32367.txt.gz',
  '003': '003_f396cb3f5f068068.txt.gz',
  '004': '004_7230cd37fec332a0.txt.gz',
} as const;

export type SeedId = keyof typeof SEEDS;

/** The text of one seed: 000 SAE (2022), 002 Retail Cloud, 003 Huawei AOS, 004 Huawei AS. */
export function readSeed(id: SeedId): string {
  return gunzipSync(readFileSync(new URL(`../seeds/${SEEDS[id]}`, import.meta.url))).toString('utf8');
}

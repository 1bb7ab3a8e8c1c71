/**
 * Size of what the browser must load before the console can draw anything: the entry script, the chunks
 * index.html preloads, and the stylesheet, raw and gzipped. Lazy route and chart chunks are listed apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../apps/web/dist', import.meta.url));

export interface BundleFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleReport {
  entry: BundleFile[];
  lazy: BundleFile[];
  entryGzipBytes: number;
}

function measure(file: string): BundleFile {
  const content = readFileSync(join(dist, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
}

export function bundleReport(): BundleReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const referenced = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1] as string,
  );
  const entry = referenced.map(measure);
  const lazy = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => f.endsWith('.js') && !referenced.includes(f))
    .map(measure)
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { entry, lazy, entryGzipBytes: entry.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

export function printBundleReport(report: BundleReport): void {
  console.log('\n### SPA bundle (apps/web/dist)\n');
  console.log('| file | loaded | raw | gzip |');
  console.log('|---|---|---|---|');
  for (const f of report.entry)
    console.log(`| ${f.file} | at start | ${kib(f.bytes)} | ${kib(f.gzipBytes)} |`);
  for (const f of report.lazy)
    console.log(`| ${f.file} | on demand | ${kib(f.bytes)} | ${kib(f.gzipBytes)} |`);
  console.log(`\nEntry (script, preloaded chunks and stylesheet), gzip: ${kib(report.entryGzipBytes)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printBundleReport(bundleReport());

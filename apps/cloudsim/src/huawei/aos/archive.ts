import { gunzipSync, inflateRawSync } from 'node:zlib';

/** The files of a template package, by their path inside it. */
export type ArchiveFiles = Map<string, Buffer>;

export type PackageKind = 'tar.gz' | 'zip' | 'text';

/** What the bytes are: a gzip'd tar (tar.gz / tgz), a zip, or a plain yaml/json file. */
export function packageKind(data: Buffer): PackageKind {
  if (data[0] === 0x1f && data[1] === 0x8b) return 'tar.gz';
  if (data.length >= 22 && data.readUInt32LE(0) === 0x04034b50) return 'zip';
  return 'text';
}

function cString(buf: Buffer, start: number, length: number): string {
  const slice = buf.subarray(start, start + length);
  const nul = slice.indexOf(0);
  return slice.subarray(0, nul < 0 ? slice.length : nul).toString('utf8');
}

/** Reads a ustar / GNU tar stream (regular files only; pax and GNU long names understood). */
export function readTar(tar: Buffer): ArchiveFiles {
  const files: ArchiveFiles = new Map();
  let pos = 0;
  let longName: string | undefined;
  let paxPath: string | undefined;
  while (pos + 512 <= tar.length) {
    const header = tar.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    const sizeText = cString(header, 124, 12).trim();
    const size = sizeText === '' ? 0 : Number.parseInt(sizeText, 8);
    if (!Number.isFinite(size) || size < 0) throw new Error('bad tar header');
    const type = String.fromCharCode(header[156] || 0x30);
    const prefix = cString(header, 257, 6).startsWith('ustar') ? cString(header, 345, 155) : '';
    let name = prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100);
    const data = tar.subarray(pos + 512, pos + 512 + size);
    if (data.length < size) throw new Error('truncated tar');
    pos += 512 + Math.ceil(size / 512) * 512;
    if (type === 'L') {
      longName = cString(data, 0, data.length);
      continue;
    }
    if (type === 'x') {
      const m = /\d+ path=([^\n]*)\n/.exec(data.toString('utf8'));
      paxPath = m?.[1];
      continue;
    }
    if (type === 'g') continue;
    name = paxPath ?? longName ?? name;
    longName = undefined;
    paxPath = undefined;
    if (type === '0' || type === '\0' || type === '7')
      files.set(name.replace(/^\.\//, ''), Buffer.from(data));
  }
  return files;
}

/** Reads a zip through its central directory (stored and deflated entries). */
export function readZip(zip: Buffer): ArchiveFiles {
  const files: ArchiveFiles = new Map();
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no zip directory');
  const count = zip.readUInt16LE(eocd + 10);
  let pos = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(pos) !== 0x02014b50) throw new Error('bad zip directory');
    const method = zip.readUInt16LE(pos + 10);
    const compressed = zip.readUInt32LE(pos + 20);
    const nameLength = zip.readUInt16LE(pos + 28);
    const extraLength = zip.readUInt16LE(pos + 30);
    const commentLength = zip.readUInt16LE(pos + 32);
    const local = zip.readUInt32LE(pos + 42);
    const name = zip.subarray(pos + 46, pos + 46 + nameLength).toString('utf8');
    pos += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue;
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error('bad zip entry');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + compressed);
    if (method === 0) files.set(name, Buffer.from(raw));
    else if (method === 8) files.set(name, inflateRawSync(raw));
    else throw new Error(`zip method ${method} not supported`);
  }
  return files;
}

/** Unpacks a template package; throws when the bytes are not the archive they claim to be. */
export function unpack(data: Buffer, kind: Exclude<PackageKind, 'text'>): ArchiveFiles {
  return kind === 'zip' ? readZip(data) : readTar(gunzipSync(data));
}

/** The main file of a package: the shallowest entry with that file name. */
export function findMainFile(files: ArchiveFiles, mainFileName: string): Buffer | undefined {
  const candidates = [...files.keys()]
    .filter((path) => path === mainFileName || path.endsWith(`/${mainFileName}`))
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
  return candidates[0] === undefined ? undefined : files.get(candidates[0]);
}

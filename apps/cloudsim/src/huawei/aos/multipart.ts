/** One part of a `multipart/form-data` body. */
export interface FormPart {
  name: string;
  filename?: string;
  contentType?: string;
  data: Buffer;
}

/** The boundary of a `multipart/form-data` Content-Type, or undefined when it is not one. */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m?.[1] ?? m?.[2];
}

function headerParam(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\*?=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]+))`, 'i').exec(value);
  const raw = m?.[1] ?? m?.[2]?.trim();
  if (raw === undefined) return undefined;
  // RFC 5987 `filename*=UTF-8''name` and browsers' percent- or backslash-escaped quotes.
  const ext = /^UTF-8''(.*)$/i.exec(raw);
  if (ext) return decodeURIComponent(ext[1] as string);
  return raw.replace(/\\(.)/g, '$1');
}

/**
 * Splits a multipart body (RFC 7578). Returns undefined when the body is not well formed: no opening
 * delimiter, a part without headers or no closing delimiter.
 */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] | undefined {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: FormPart[] = [];
  let pos = body.indexOf(delimiter);
  if (pos < 0) return undefined;
  for (;;) {
    pos += delimiter.length;
    if (body.subarray(pos, pos + 2).toString() === '--') return parts;
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2;
    else if (body[pos] === 0x0a) pos += 1;
    else return undefined;
    const next = body.indexOf(delimiter, pos);
    if (next < 0) return undefined;
    let end = next;
    if (body[end - 1] === 0x0a) end--;
    if (body[end - 1] === 0x0d) end--;
    const chunk = body.subarray(pos, Math.max(pos, end));
    let split = chunk.indexOf('\r\n\r\n');
    let sepLength = 4;
    if (split < 0) {
      split = chunk.indexOf('\n\n');
      sepLength = 2;
    }
    if (split < 0) return undefined;
    const headers = new Map<string, string>();
    for (const line of chunk.subarray(0, split).toString('utf8').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
    const disposition = headers.get('content-disposition') ?? '';
    const name = headerParam(disposition, 'name');
    if (name !== undefined) {
      const filename = headerParam(disposition, 'filename');
      const part: FormPart = { name, data: Buffer.from(chunk.subarray(split + sepLength)) };
      if (filename !== undefined) part.filename = filename;
      const type = headers.get('content-type');
      if (type) part.contentType = type;
      parts.push(part);
    }
    pos = next;
  }
}

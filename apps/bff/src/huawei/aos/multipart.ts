import { randomUUID } from 'node:crypto';

/** One field of a `multipart/form-data` body. */
export interface FormField {
  name: string;
  value: string;
  contentType?: string;
  filename?: string;
}

const quoted = (s: string) => `"${s.replace(/"/g, '%22').replace(/[\r\n]/g, '')}"`;

/**
 * A `multipart/form-data` body (RFC 7578), as 创建模板 / 更新模板 take it: the `resource` part (JSON) and
 * the `archive_content` part. The boundary is random, so no text of the template can end a part early.
 */
export function multipartBody(fields: FormField[]): { body: Uint8Array; contentType: string } {
  const boundary = `----aos-console-${randomUUID()}`;
  const chunks: string[] = [];
  for (const field of fields) {
    chunks.push(`--${boundary}\r\n`);
    chunks.push(
      `Content-Disposition: form-data; name=${quoted(field.name)}${field.filename ? `; filename=${quoted(field.filename)}` : ''}\r\n`,
    );
    if (field.contentType) chunks.push(`Content-Type: ${field.contentType}\r\n`);
    chunks.push('\r\n', field.value, '\r\n');
  }
  chunks.push(`--${boundary}--\r\n`);
  return {
    body: new TextEncoder().encode(chunks.join('')),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

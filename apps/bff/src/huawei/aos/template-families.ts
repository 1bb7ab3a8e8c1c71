import type { AosTemplateContent, aosRoutes } from '@console/contract';
import { HttpError } from '../../http/errors';
import type { HandlersOf } from '../../http/routing';
import type { HuaweiFamilyDeps } from '../family-deps';
import { hwArr as arr, hwObj as obj } from '../gateway';
import { multipartBody } from './multipart';
import { templateInputsView, templateView } from './views';

type AosHandlers = HandlersOf<typeof aosRoutes>;
export type TemplateRoute =
  | 'listAosTemplates'
  | 'createAosTemplate'
  | 'getAosTemplate'
  | 'updateAosTemplate'
  | 'deleteAosTemplate'
  | 'getAosTemplateContent'
  | 'getAosTemplateInputs';

const PACKAGE = /\.(zip|tar\.gz|tgz)$/i;
const templatePath = (id: string) => `/v2/templates/${encodeURIComponent(id)}`;
const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// `Content-Range: items 0-24/66`, or `items */66` for an empty page: the total is after the slash.
export function totalOfContentRange(range: string | undefined): number | undefined {
  const m = /^\s*items\s+(?:\d+-\d+|\*)\/(\d+)\s*$/i.exec(range ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The file name of a download's `Content-Disposition`, if it names one. */
function fileNameOf(disposition: string | undefined): string | undefined {
  const m = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition ?? '');
  return m?.[1]?.trim();
}

/** The template file of 下载模板 as text; the client has parsed a JSON file already, so it is printed again. */
function downloadedText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return '';
  return `${JSON.stringify(body, null, 2)}\n`;
}

const looksBinary = (text: string) => text.includes('\u0000') || text.includes('\uFFFD');

/** Handlers of the template family (模板管理, seed 4.1–4.7). */
export function aosTemplateHandlers(deps: HuaweiFamilyDeps): Pick<AosHandlers, TemplateRoute> {
  const { audited } = deps;
  const gw = (accountId: string) => deps.account(accountId).gateway;

  async function download(accountId: string, templateId: string): Promise<AosTemplateContent> {
    const answer = await gw(accountId).exchange({
      method: 'GET',
      path: `${templatePath(templateId)}/archive`,
      read: true,
    });
    const fileName = fileNameOf(header(answer.headers['content-disposition'])) ?? 'blueprint.yaml';
    const text = downloadedText(answer.body);
    const isText = !PACKAGE.test(fileName) && !looksBinary(text);
    const length = Number(header(answer.headers['content-length']));
    return {
      templateId,
      fileName,
      content: isText ? text : '',
      bytes: Number.isFinite(length) && length > 0 ? length : Buffer.byteLength(text),
      isText,
    };
  }

  return {
    async listAosTemplates({ params, query }) {
      const offset = (query.page - 1) * query.pageSize;
      const answer = await gw(params.accountId).exchange({
        method: 'GET',
        path: '/v2/templates',
        // The seed: limit "must appear in pairs with offset"; check_used fills is_used.
        query: { offset, limit: query.pageSize, name: query.name || undefined, check_used: true },
        read: true,
      });
      const items = arr(answer.body).map(templateView);
      const contentRange = header(answer.headers['content-range']);
      return {
        items,
        total: totalOfContentRange(contentRange) ?? offset + items.length,
        page: query.page,
        pageSize: query.pageSize,
        ...(contentRange ? { contentRange } : {}),
      };
    },

    async createAosTemplate({ params, body, session }) {
      const fileName = body.fileName ?? (body.format === 'json' ? 'blueprint.json' : 'blueprint.yaml');
      const resource = {
        name: body.name,
        version: body.version,
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.vendor !== undefined ? { vendor: body.vendor } : {}),
        // yaml/json: archive_content is the file's text rather than a package (table 4-2).
        content_type: body.format,
        filename: fileName,
      };
      const raw = multipartBody([
        { name: 'resource', value: JSON.stringify(resource), contentType: 'application/json' },
        {
          name: 'archive_content',
          value: body.content,
          filename: fileName,
          contentType: body.format === 'json' ? 'application/json' : 'application/x-yaml',
        },
      ]);
      return audited(
        session,
        'aos-template-create',
        params.accountId,
        `template/${body.name}@${body.version}`,
        async () => {
          const answer = await gw(params.accountId).exchange({
            method: 'POST',
            path: '/v2/templates',
            raw,
            read: false,
          });
          return { id: String(obj(answer.body).id ?? ''), requestId: answer.requestId };
        },
        `format=${body.format}; bytes=${Buffer.byteLength(body.content)}`,
      );
    },

    async getAosTemplate({ params }) {
      return templateView(obj(await gw(params.accountId).read(templatePath(params.templateId))));
    },

    async updateAosTemplate({ params, body, session }) {
      const { accountId, templateId } = params;
      let content = body.content;
      let format = body.format;
      let fileName = body.fileName;
      if (content === undefined) {
        // 更新模板 takes the file with every change: the current one goes again.
        const current = await download(accountId, templateId);
        if (!current.isText) {
          throw new HttpError(
            400,
            'InvalidInput',
            `body field "content": ${current.fileName} is a package, not a text file; upload new content to change the template`,
            { field: 'content' },
          );
        }
        content = current.content;
        fileName ??= current.fileName.length <= 64 ? current.fileName : undefined;
        format ??= /\.json$/i.test(current.fileName) ? 'json' : 'yaml';
      }
      const fmt = format ?? 'yaml';
      const name = fileName ?? (fmt === 'json' ? 'blueprint.json' : 'blueprint.yaml');
      const resource = {
        ...(body.version !== undefined ? { version: body.version } : {}),
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.vendor !== undefined ? { vendor: body.vendor } : {}),
        content_type: fmt,
        filename: name,
      };
      const raw = multipartBody([
        { name: 'resource', value: JSON.stringify(resource), contentType: 'application/json' },
        {
          name: 'archive_content',
          value: content,
          filename: name,
          contentType: fmt === 'json' ? 'application/json' : 'application/x-yaml',
        },
      ]);
      const changed = Object.entries(body)
        .filter(([, v]) => v !== undefined)
        .map(([k]) => k)
        .join(',');
      return audited(
        session,
        'aos-template-update',
        accountId,
        `template/${templateId}`,
        async () => {
          const answer = await gw(accountId).exchange({
            method: 'PUT',
            path: templatePath(templateId),
            raw,
            read: false,
          });
          return { id: String(obj(answer.body).id ?? templateId), requestId: answer.requestId };
        },
        `changed=${changed}`,
      );
    },

    async deleteAosTemplate({ params, session }) {
      return audited(session, 'aos-template-delete', params.accountId, `template/${params.templateId}`, () =>
        gw(params.accountId)
          .write('DELETE', templatePath(params.templateId))
          .then(({ requestId }) => ({ requestId })),
      );
    },

    async getAosTemplateContent({ params }) {
      return download(params.accountId, params.templateId);
    },

    async getAosTemplateInputs({ params }) {
      return templateInputsView(await gw(params.accountId).read(`${templatePath(params.templateId)}/inputs`));
    },
  };
}

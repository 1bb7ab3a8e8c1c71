import { AOS_DEFAULT_MAIN_FILE, AOS_DSL_VERSION } from '@console/catalogue';
import { findMainFile, packageKind, unpack } from '../archive';
import { type AosContext, type AosHandlers, boolQuery, templateById } from '../context';
import { type AosTemplate, aosError, nameEmptyError } from '../model';
import { multipartBoundary, parseMultipart } from '../multipart';
import { TEMPLATE_QUOTA } from '../store';
import { includesStack, inputsView, parseTemplateDoc, type TemplateDoc } from '../template';
import { templateView } from '../views';

/** Largest template file accepted (SVCSTG.AOS.4001005). */
export const MAX_TEMPLATE_BYTES = 10 * 1024 * 1024;

export const TEMPLATE_NAME = /^[a-z]([a-z0-9-]{0,62}[a-z0-9])?$/;
const VERSION = /^[a-zA-Z0-9]+([-.][a-zA-Z0-9]+)*$/;
const FORBIDDEN = /[<>()#%&/]/;
const PACKAGE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

/** "中文算多个字符": the description's limit counts UTF-8 bytes; the vendor's counts characters. */
export const descriptionOk = (d: unknown): boolean =>
  typeof d === 'string' && Buffer.byteLength(d, 'utf8') <= 255 && !FORBIDDEN.test(d);

interface Upload {
  resource: Record<string, unknown>;
  /** Absent when the update only changes metadata (never: one source is required). */
  source: { file: Buffer; fileName: string; doc: TemplateDoc; originUrl: string };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function decodeUtf8(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw aosError('templateEncoding', 'the template file is not UTF-8');
  }
}

function formatOf(fileName: string, text: string): 'yaml' | 'json' {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

/** The blueprint of a URL upload: the simulator has no network, so it stands in for the package. */
function urlBlueprint(url: string): string {
  return [
    `tosca_definitions_version: ${AOS_DSL_VERSION}`,
    `description: Imported from ${url}`,
    'node_templates:',
    '  app:',
    '    type: Cloud.AOS.Application',
    '    properties:',
    '      instances: 1',
    '',
  ].join('\n');
}

function readSource(
  resource: Record<string, unknown>,
  archive: { data: Buffer; filename?: string } | undefined,
  mainFileName: string,
): Upload['source'] {
  const url = resource.origin_template_url;
  if (url !== undefined && url !== '' && archive) throw aosError('bothTemplateSources');
  if ((url === undefined || url === '') && !archive) throw aosError('noTemplateSource');
  if (!archive) {
    if (typeof url !== 'string') throw aosError('templateUrlInvalid', 'origin_template_url must be a string');
    const path = (() => {
      try {
        const parsed = new URL(url);
        return ['http:', 'https:'].includes(parsed.protocol) ? parsed.pathname : undefined;
      } catch {
        return undefined;
      }
    })();
    if (path === undefined)
      throw aosError('templateUrlInvalid', 'origin_template_url must be an http(s) URL');
    const file = path.split('/').pop() ?? '';
    const m = /^(.*)\.(zip|tar\.gz|tgz)$/.exec(file);
    if (!m) throw aosError('templateUrlSuffix');
    if (!PACKAGE_NAME.test(m[1] as string))
      throw aosError('templateUrlInvalid', `package name ${m[1]} must match ${PACKAGE_NAME.source}`);
    const text = urlBlueprint(url);
    return {
      file: Buffer.from(text),
      fileName: mainFileName,
      doc: parseTemplateDoc(text, 'yaml'),
      originUrl: url,
    };
  }
  const data = archive.data;
  if (data.length === 0) throw aosError('emptyTemplateFile');
  if (data.length > MAX_TEMPLATE_BYTES)
    throw aosError('templateTooLarge', `the template file is larger than ${MAX_TEMPLATE_BYTES} bytes`);
  const contentType = str(resource.content_type) ?? '';
  const declaredName = str(resource.filename) || archive.filename || '';
  if (contentType === 'yaml' || contentType === 'json') {
    const text = decodeUtf8(data);
    const fileName =
      declaredName || (contentType === 'json' ? mainFileName.replace(/\.yaml$/, '.json') : mainFileName);
    return { file: data, fileName, doc: parseTemplateDoc(text, contentType), originUrl: '' };
  }
  if (declaredName && !/\.(zip|tar\.gz|tgz|ya?ml|json)$/i.test(declaredName))
    throw aosError('invalidTemplateFile', 'the file must be zip, tar.gz, tgz, yaml or json');
  const kind = packageKind(data);
  if (kind === 'text') {
    const text = decodeUtf8(data);
    return {
      file: data,
      fileName: declaredName || mainFileName,
      doc: parseTemplateDoc(text, formatOf(declaredName, text)),
      originUrl: '',
    };
  }
  let main: Buffer | undefined;
  try {
    main = findMainFile(unpack(data, kind), mainFileName);
  } catch (error) {
    throw aosError('invalidTemplateFile', `the ${kind} package cannot be read: ${(error as Error).message}`);
  }
  if (!main) throw aosError('templatePathNotFound', `the package has no ${mainFileName}`);
  const fileName = declaredName || `${kind === 'zip' ? 'blueprint.zip' : 'blueprint.tar.gz'}`;
  return { file: data, fileName, doc: parseTemplateDoc(decodeUtf8(main), 'yaml'), originUrl: '' };
}

/** Parses and validates the multipart upload of create (no `existing`) and update. */
function readUpload(ctx: AosContext, existing?: AosTemplate): Upload {
  const boundary = multipartBoundary(ctx.req.headers['content-type']);
  if (!boundary)
    throw aosError('requestBodyInvalid', 'Content-Type must be multipart/form-data with a boundary');
  const parts = parseMultipart(ctx.req.body, boundary);
  if (!parts) throw aosError('requestBodyInvalid', 'the multipart body is malformed');
  const resourcePart = parts.find((p) => p.name === 'resource');
  let resource: Record<string, unknown> = {};
  if (resourcePart) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(resourcePart.data.toString('utf8'));
    } catch {
      throw aosError('resourceInvalid', 'resource must be a JSON object');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw aosError('resourceInvalid', 'resource must be a JSON object');
    resource = parsed as Record<string, unknown>;
  } else if (!existing) throw aosError('resourceMissing', 'the form part resource is required');

  const { name, description, vendor, version, scope, project_id, filename, dsl_version, content_type } =
    resource;
  const mainFile = resource.main_file_name;
  if (existing) {
    if (name !== undefined && name !== existing.name) throw aosError('nameNotUpdatable');
    if (scope !== undefined && scope !== existing.scope) throw aosError('scopeNotUpdatable');
    if (mainFile !== undefined && mainFile !== '' && mainFile !== existing.mainFileName)
      throw aosError('mainFileNotUpdatable');
  } else {
    if (name === undefined || name === null || name === '') throw nameEmptyError();
    if (typeof name !== 'string' || !TEMPLATE_NAME.test(name))
      throw aosError(
        'templateNameInvalid',
        'name: 1-64 lowercase letters, digits and -, starting with a letter',
      );
  }
  if (description !== undefined && !descriptionOk(description))
    throw aosError('templateDescriptionInvalid', 'description: at most 255 bytes, none of <>()#%&/');
  if (
    (!existing || version !== undefined) &&
    (typeof version !== 'string' || version.length > 24 || !VERSION.test(version))
  )
    throw aosError('templateVersionInvalid', `version must match ${VERSION.source} (at most 24 characters)`);
  if (
    vendor !== undefined &&
    (typeof vendor !== 'string' || [...vendor].length > 64 || FORBIDDEN.test(vendor))
  )
    throw aosError('templateVendorInvalid', 'vendor: at most 64 characters, none of <>()#%&/');
  if (scope !== undefined && scope !== 'domain')
    throw aosError('templateScopeInvalid', 'only the scope domain is supported');
  if (
    mainFile !== undefined &&
    mainFile !== '' &&
    (typeof mainFile !== 'string' ||
      mainFile.length > 255 ||
      !mainFile.endsWith('.yaml') ||
      !VERSION.test(mainFile))
  )
    throw aosError('mainFileInvalid', 'main_file_name must be a .yaml file name');
  if (
    project_id !== undefined &&
    project_id !== '' &&
    (typeof project_id !== 'string' || !/^[a-z0-9-]{1,64}$/.test(project_id))
  )
    throw aosError('templateProjectInvalid');
  if (filename !== undefined && (typeof filename !== 'string' || filename.length > 64))
    throw aosError('filenameInvalid', 'filename: at most 64 characters');
  if (dsl_version !== undefined && dsl_version !== '' && dsl_version !== AOS_DSL_VERSION)
    throw aosError('dslVersionUnsupported', `only ${AOS_DSL_VERSION} is supported`);
  if (content_type !== undefined && !['', 'yaml', 'json', 'file'].includes(String(content_type)))
    throw aosError('contentTypeInvalid', 'content_type must be yaml, json or file');

  const archivePart = parts.find((p) => p.name === 'archive_content');
  const mainFileName = existing?.mainFileName ?? (str(mainFile) || AOS_DEFAULT_MAIN_FILE);
  const archive = archivePart
    ? { data: archivePart.data, ...(archivePart.filename ? { filename: archivePart.filename } : {}) }
    : undefined;
  return { resource, source: readSource(resource, archive, mainFileName) };
}

function nameTaken(ctx: AosContext, name: string, version: string, except?: string): boolean {
  return [...ctx.store.templates.values()].some(
    (t) => t.id !== except && t.name === name && t.version === version,
  );
}

const usedBy = (ctx: AosContext, t: AosTemplate) => ctx.store.stacksUsing(t.id).length > 0;

/** 模板管理 (seed 4.1–4.7). */
export const templateHandlers: AosHandlers = {
  CreateTemplate: (ctx) => {
    const { resource, source } = readUpload(ctx);
    const name = resource.name as string;
    const version = resource.version as string;
    if (nameTaken(ctx, name, version)) throw aosError('templateNameUsed', 'The template already exists!');
    if (ctx.store.templates.size >= TEMPLATE_QUOTA)
      throw aosError('templateQuota', `at most ${TEMPLATE_QUOTA} templates per account`);
    const template: AosTemplate = {
      id: ctx.store.templateId(),
      name,
      version,
      vendor: str(resource.vendor) ?? '',
      description: str(resource.description) ?? '',
      projectId: str(resource.project_id) ?? '',
      originTemplateUrl: source.originUrl,
      scope: 'domain',
      mainFileName: str(resource.main_file_name) || AOS_DEFAULT_MAIN_FILE,
      dslVersion: source.doc.dslVersion,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      file: source.file,
      fileName: source.fileName,
      doc: source.doc,
    };
    ctx.store.templates.set(template.id, template);
    return { status: 201, body: { id: template.id } };
  },

  ListTemplates: (ctx) => {
    const q = ctx.req.query;
    const int = (name: string): number | undefined => {
      const raw = q.get(name);
      if (raw === null || raw === '') return undefined;
      if (!/^\d+$/.test(raw)) throw aosError('invalidParameter', `${name} must be a non-negative integer`);
      return Number(raw);
    };
    const offset = int('offset') ?? 0;
    const limit = int('limit');
    const checkUsed = boolQuery(ctx, 'check_used') ?? false;
    const includeStack = boolQuery(ctx, 'include_stack');
    const name = q.get('name') || undefined;
    const dsl = q.get('dsl_version') || undefined;
    const all = [...ctx.store.templates.values()].filter(
      (t) =>
        (name === undefined || t.name === name) &&
        (dsl === undefined || t.dslVersion === dsl) &&
        (includeStack === undefined || includesStack(t.doc) === includeStack),
    );
    const page = all.slice(offset, limit === undefined ? undefined : offset + limit);
    // `items 0-24/66`: first and last index of the page (inclusive) and the total; `items */66` for an empty page.
    const range =
      page.length === 0
        ? `items */${all.length}`
        : `items ${offset}-${offset + page.length - 1}/${all.length}`;
    return {
      status: 200,
      headers: { 'Content-Range': range },
      body: page.map((t) => ({ ...viewOf(ctx, t), is_used: checkUsed ? usedBy(ctx, t) : false })),
    };
  },

  UpdateTemplate: (ctx) => {
    const template = templateById(ctx);
    if (usedBy(ctx, template)) throw aosError('templateInUse', 'stacks were created from the template');
    const { resource, source } = readUpload(ctx, template);
    const version = str(resource.version) ?? template.version;
    if (nameTaken(ctx, template.name, version, template.id))
      throw aosError('templateNameUsed', 'The template already exists!');
    template.version = version;
    if (resource.description !== undefined) template.description = resource.description as string;
    if (resource.vendor !== undefined) template.vendor = resource.vendor as string;
    template.file = source.file;
    template.fileName = source.fileName;
    template.doc = source.doc;
    template.originTemplateUrl = source.originUrl;
    template.dslVersion = source.doc.dslVersion;
    template.updatedAt = ctx.now;
    return { status: 200, body: { id: template.id } };
  },

  DeleteTemplate: (ctx) => {
    const template = templateById(ctx);
    const users = ctx.store.stacksUsing(template.id);
    if (users.length > 0)
      throw aosError('templateInUse', `stacks use the template: ${users.map((s) => s.name).join(', ')}`);
    ctx.store.templates.delete(template.id);
    return { status: 204 };
  },

  DownloadTemplate: (ctx) => {
    const template = templateById(ctx);
    return {
      status: 200,
      headers: {
        'Content-Type': 'application/octet-stream;charset=UTF-8',
        'Content-Disposition': `attachment; filename="${template.fileName}"`,
      },
      body: template.file,
    };
  },

  ShowTemplate: (ctx) => {
    const template = templateById(ctx);
    return { status: 200, body: { ...viewOf(ctx, template), is_used: usedBy(ctx, template) } };
  },

  ShowTemplateInputs: (ctx) => ({ status: 200, body: inputsView(templateById(ctx).doc) }),
};

function viewOf(ctx: AosContext, t: AosTemplate): Record<string, unknown> {
  return templateView(t, ctx.domainName, false);
}

import { parseConfigMapData, type SaeConfigMap } from '../config-maps';
import type { SaeHandlers } from '../context';
import { SaeError } from '../envelope';
import type { Params } from '../params';
import type { SaeStore } from '../store';
import { epochMs } from '../time-format';

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function description(params: Params): string | undefined {
  const text = params.str('Description');
  if (text === undefined) return undefined;
  if (/\s/.test(text) || text.length > 255) {
    throw new SaeError(
      'InvalidParameter.WithMessage',
      'Description',
      'must not contain spaces and must be at most 255 characters',
    );
  }
  return text;
}

function configMapId(params: Params): number {
  const id = params.int('ConfigMapId');
  if (id === undefined) throw new SaeError('InvalidParameter.NotEmpty', 'ConfigMapId');
  return id;
}

/** DescribeConfigMap `Data`, and one item of ListNamespacedConfigMaps. */
function configMapView(store: SaeStore, item: SaeConfigMap): Record<string, unknown> {
  return {
    ConfigMapId: item.ConfigMapId,
    Name: item.Name,
    NamespaceId: item.NamespaceId,
    Description: item.Description,
    Data: { ...item.data },
    CreateTime: epochMs(item.createdAt),
    UpdateTime: epochMs(item.updatedAt),
    RelateApps: store.configMaps
      .relatedApps(item.ConfigMapId)
      .map((app) => ({ AppId: app.AppId, AppName: app.AppName })),
  };
}

/** 配置项管理 (ConfigMaps). */
export const configMapHandlers: SaeHandlers = {
  CreateConfigMap({ params, store, now }) {
    const name = params.req('Name');
    if (!NAME.test(name) || name.length > 253) {
      throw new SaeError(
        'InvalidParameter.WithMessage',
        'Name',
        'must start with a letter and contain only letters, digits and underscores',
      );
    }
    const ns = store.namespace(params.req('NamespaceId'));
    const desc = description(params) ?? '';
    const data = parseConfigMapData(params.req('Data'));
    const item = store.configMaps.create({
      Name: name,
      NamespaceId: ns.NamespaceId,
      Description: desc,
      data,
      createdAt: now,
    });
    return { data: { ConfigMapId: item.ConfigMapId } };
  },

  UpdateConfigMap({ params, store, now }) {
    const item = store.configMaps.get(configMapId(params));
    const desc = description(params);
    item.data = parseConfigMapData(params.req('Data'));
    if (desc !== undefined) item.Description = desc;
    item.updatedAt = now;
    // The seed documents this one ConfigMapId as a String.
    return { data: { ConfigMapId: String(item.ConfigMapId) } };
  },

  DeleteConfigMap({ params, store }) {
    const item = store.configMaps.delete(configMapId(params));
    return { data: { ConfigMapId: item.ConfigMapId } };
  },

  DescribeConfigMap({ params, store }) {
    return { data: configMapView(store, store.configMaps.get(configMapId(params))) };
  },

  ListNamespacedConfigMaps({ params, store }) {
    const ns = store.namespace(params.req('NamespaceId'));
    return {
      data: {
        ConfigMaps: store.configMaps.inNamespace(ns.NamespaceId).map((item) => configMapView(store, item)),
      },
    };
  },
};

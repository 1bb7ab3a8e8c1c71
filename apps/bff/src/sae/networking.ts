import type { AppSlbs, Ingress, IngressSummary, SlbListener } from '@console/contract';

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : {});
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);
const num = (v: unknown): number => Number(v ?? 0) || 0;

/** Listener JSON as BindSlb takes it (seed 000 §15: lower-case keys, certificate only for HTTPS). */
export function listenersJson(listeners: SlbListener[] | undefined): string | undefined {
  if (!listeners) return undefined;
  return JSON.stringify(
    listeners.map((l) => ({
      port: l.port,
      targetPort: l.targetPort,
      protocol: l.protocol,
      ...(l.protocol === 'HTTPS' && l.httpsCertId ? { httpsCertId: l.httpsCertId } : {}),
    })),
  );
}

function listener(raw: Raw): SlbListener {
  const protocol = String(raw.Protocol ?? 'TCP');
  return {
    port: num(raw.Port),
    targetPort: num(raw.TargetPort),
    protocol: protocol === 'HTTP' || protocol === 'HTTPS' ? protocol : 'TCP',
    httpsCertId: str(raw.HttpsCertId),
  };
}

/** DescribeApplicationSlbs; a side with neither an address nor listeners is not bound. */
export function appSlbsView(raw: unknown): AppSlbs {
  const d = obj(raw);
  const side = (slbId: unknown, ip: unknown, listeners: unknown) => {
    const list = arr(listeners).map(listener);
    if (!str(slbId) && !str(ip) && list.length === 0) return null;
    return { slbId: str(slbId), ip: str(ip), listeners: list };
  };
  return {
    internet: side(d.InternetSlbId, d.InternetIp, d.Internet),
    intranet: side(d.IntranetSlbId, d.IntranetIp, d.Intranet),
  };
}

export function ingressSummaryView(raw: unknown, namespaceId?: string): IngressSummary {
  const i = obj(raw);
  return {
    id: String(i.Id ?? i.IngressId ?? ''),
    name: str(i.Name),
    description: str(i.Description),
    namespaceId: String(i.NamespaceId ?? namespaceId ?? ''),
    slbId: String(i.SlbId ?? ''),
    slbType: str(i.SlbType),
    // ListIngresses gives the port as a string, DescribeIngress as a number (seed 000 §9).
    listenerPort: num(i.ListenerPort),
    protocol: str(i.ListenerProtocol),
    loadBalanceType: str(i.LoadBalanceType),
    certId: str(i.CertId),
  };
}

export function ingressView(raw: unknown): Ingress {
  const i = obj(raw);
  const def = obj(i.DefaultRule);
  return {
    ...ingressSummaryView(i),
    defaultRule: Object.keys(def).length
      ? { appId: String(def.AppId ?? ''), appName: str(def.AppName), containerPort: num(def.ContainerPort) }
      : null,
    rules: arr(i.Rules).map((r) => ({
      appId: String(r.AppId ?? ''),
      appName: str(r.AppName),
      containerPort: num(r.ContainerPort),
      domain: String(r.Domain ?? ''),
      path: String(r.Path ?? '/'),
    })),
  };
}

/** Rule JSON for Create/UpdateIngress: `{"appId","containerPort"}` and `[{"appId","containerPort","domain","path"}]`. */
export function defaultRuleJson(
  rule: { appId: string; containerPort: number } | undefined,
): string | undefined {
  return rule && JSON.stringify({ appId: rule.appId, containerPort: rule.containerPort });
}

export function rulesJson(
  rules: { appId: string; containerPort: number; domain: string; path: string }[] | undefined,
): string | undefined {
  return (
    rules &&
    JSON.stringify(
      rules.map((r) => ({ appId: r.appId, containerPort: r.containerPort, domain: r.domain, path: r.path })),
    )
  );
}

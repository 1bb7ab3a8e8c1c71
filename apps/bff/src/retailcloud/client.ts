import { type RetailCloudActionName, retailCloudActionByName } from '@console/catalogue';
import { type AliyunCredentials, encodeRpcParams, type RpcInputValue, signRpc } from '@console/signing';
import { UpstreamError } from '../upstream/errors';
import { HttpClient } from '../upstream/http-client';

export const RETAILCLOUD_API_VERSION = '2018-03-13';

export interface RetailCloudEndpoint {
  /** e.g. https://retailcloud.aliyuncs.com */
  endpoint: string;
  credentials: AliyunCredentials;
  timeoutMs?: number;
}

export interface RetailCloudResult {
  body: Record<string, unknown>;
  requestId: string;
}

/** Actions that only read; everything else changes state and is never retried blindly. */
const READ = /^(List|Describe|Query|Get)/;

/**
 * Signing client for the Retail Cloud RPC API (version 2018-03-13): POST with a form body, signature
 * 1.0. The seed answers business errors with HTTP 200 and a non-zero `Code`; those become UpstreamError
 * with the cloud's code, message and RequestId, like gateway errors.
 */
export class RetailCloudClient {
  private readonly http: HttpClient;
  private readonly origin: string;

  constructor(private readonly config: RetailCloudEndpoint) {
    this.http = new HttpClient({ product: 'RetailCloud', timeoutMs: config.timeoutMs });
    this.origin = config.endpoint.replace(/\/+$/, '');
  }

  async call(
    action: RetailCloudActionName,
    params: Record<string, RpcInputValue>,
  ): Promise<RetailCloudResult> {
    if (!(action in retailCloudActionByName)) throw new Error(`unknown Retail Cloud action ${action}`);
    const response = await this.http.send(READ.test(action), () => {
      const signed = signRpc(
        { ...params, Action: action, Version: RETAILCLOUD_API_VERSION },
        this.config.credentials,
        {
          method: 'POST',
          format: 'JSON',
        },
      );
      return {
        method: 'POST',
        url: `${this.origin}/`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: new URL(this.origin).host },
        body: encodeRpcParams(signed),
      };
    });
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(response.text) as Record<string, unknown>;
    } catch {
      // A gateway refusal can come as XML whatever Format said; its Code, Message and RequestId still matter.
      const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(response.text)?.[1];
      if (response.status >= 400 && tag('Code')) {
        throw new UpstreamError({
          product: 'RetailCloud',
          httpStatus: response.status,
          code: tag('Code') ?? 'UnknownError',
          message: tag('Message') ?? `${action} failed`,
          requestId: tag('RequestId'),
        });
      }
      throw new UpstreamError({
        product: 'RetailCloud',
        httpStatus: response.status,
        code: 'InvalidResponse',
        message: `${action} answered HTTP ${response.status} with a body that is not JSON.`,
      });
    }
    const requestId = String(body.RequestId ?? '');
    const code = body.Code;
    const businessError = typeof code === 'number' ? code !== 0 : body.Success === false;
    if (response.status >= 400 || businessError) {
      throw new UpstreamError({
        product: 'RetailCloud',
        httpStatus: response.status,
        code: String(code ?? 'UnknownError'),
        message: String(
          body.ErrMsg ?? body.ErrorMsg ?? body.ErrMessage ?? body.Message ?? `${action} failed`,
        ),
        requestId,
      });
    }
    return { body, requestId };
  }
}

import type { UpstreamError as UpstreamErrorBody } from '@console/contract';

/** A failed upstream call, carrying the cloud's own code, message and RequestId. */
export class UpstreamError extends Error {
  constructor(
    readonly body: UpstreamErrorBody,
    /** True when a write may or may not have taken effect (the connection failed after sending). */
    readonly outcomeUnknown = false,
  ) {
    super(`${body.product} ${body.code}: ${body.message}`);
    this.name = 'UpstreamError';
  }

  /** The cloud is unavailable (5xx, throttling, reset, timeout, an open circuit), not refusing the request. */
  get retryable(): boolean {
    const { httpStatus, code } = this.body;
    return (
      httpStatus === 0 ||
      httpStatus >= 500 ||
      httpStatus === 429 ||
      /^Throttling/.test(code) ||
      code === 'ServiceUnavailable'
    );
  }
}

/**
 * Whether a cloud's answer carries one of these codes. Codes are matched as they are, or as
 * `Product:code` where a product's codes are bare numbers (Retail Cloud's business codes).
 */
export function hasUpstreamCode(codes: ReadonlySet<string>, e: { product: string; code: string }): boolean {
  return codes.has(e.code) || codes.has(`${e.product}:${e.code}`);
}

import { createHmac } from 'node:crypto';

/** `X-Tramos-Signature` value: HMAC-SHA256 of the exact body bytes with the webhook's secret. */
export const signBody = (body: string, secret: string): string =>
  'sha256=' + createHmac('sha256', secret).update(body, 'utf8').digest('hex');

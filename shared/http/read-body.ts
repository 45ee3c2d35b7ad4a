import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { MalformedJson, TooLarge, UnsupportedMediaType } from '../errors.ts';

/** Largest JSON body accepted: records are small; anything bigger is a mistake or abuse. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The raw body of an API Gateway v2 event as bytes (it may arrive base64-encoded). */
export function rawBody(event: APIGatewayProxyEventV2): Buffer {
  if (!event.body) return Buffer.alloc(0);
  return Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
}

/** Reads a JSON body: 415 for another media type, 413 when too big, 400 when not JSON. */
export function readJsonBody(event: APIGatewayProxyEventV2, limit = MAX_JSON_BODY_BYTES): unknown {
  const contentType = event.headers?.['content-type'];
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') throw new UnsupportedMediaType('application/json', contentType);
  const bytes = rawBody(event);
  if (bytes.length > limit) throw new TooLarge(limit);
  if (bytes.length === 0) throw new MalformedJson('the body is empty');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new MalformedJson('the body is not UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MalformedJson(error instanceof Error ? error.message : 'unreadable');
  }
}

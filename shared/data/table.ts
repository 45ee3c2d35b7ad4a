import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** The single table and the client that reaches it. */
export interface Table {
  db: DynamoDBDocumentClient;
  name: string;
}

export interface TableClientOptions {
  region: string;
  /** DynamoDB Local's URL; absent in AWS. */
  endpoint?: string;
  /** Credentials other than the process's own (a tenant-scoped role session). */
  credentials?: DynamoDBClientConfig['credentials'];
}

/**
 * A document client with short timeouts and few retries: a request on the API path should fail
 * fast with 503 when the table is unreachable rather than hang until the gateway gives up.
 */
export function createDocumentClient(options: TableClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: 3,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 1_000, requestTimeout: 5_000 }),
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

// The floor of `npm run bench`'s bundle benchmark (bench/bundles.ts): the least a function of
// this stack does, reading one DynamoDB item with the document client. Built with the stack's own
// bundling options (infra/aws/bundling.ts); never deployed.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));

export async function handler(event: { pk: string; sk: string }): Promise<Record<string, unknown> | null> {
  const { Item } = await client.send(
    new GetCommand({ TableName: process.env.TABLE_NAME, Key: { PK: event.pk, SK: event.sk } }),
  );
  return Item ?? null;
}

import { keys } from '../data/keys.ts';
import type { Table } from '../data/table.ts';
import { updateOne } from '../data/table-io.ts';
import { KNOWN_PROGRAMMES } from '../domain/values.ts';

/**
 * Gives a partnership stored before programmes were chosen per partnership the programmes its
 * staff could tag cases with until then (the three the service names), so no case's tags become
 * refused by the upgrade; its chair then keeps those it runs. A partnership that has chosen is
 * left alone, so running it again changes nothing. Answers whether it wrote.
 */
export async function migrateProgrammes(table: Table, tenantId: string, now: Date): Promise<boolean> {
  try {
    await updateOne(table, keys.partnership(tenantId), {
      UpdateExpression: 'SET #settings.#programmes = :programmes, #updatedAt = :now',
      ConditionExpression:
        'attribute_exists(PK) AND attribute_exists(#settings) AND attribute_not_exists(#settings.#programmes)',
      ExpressionAttributeNames: {
        '#settings': 'settings',
        '#programmes': 'programmes',
        '#updatedAt': 'updatedAt',
      },
      ExpressionAttributeValues: { ':programmes': [...KNOWN_PROGRAMMES], ':now': now.toISOString() },
    });
    return true;
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** What an update does to an item's attributes, by attribute name. */
export interface UpdateChanges {
  /** Attributes to set: an undefined value is left alone, a null one removed. */
  set?: Record<string, unknown>;
  /** Numbers to add to (an absent attribute counts as 0): counters and versions. */
  add?: Record<string, number | undefined>;
  /** Lists to append to (an absent attribute counts as an empty list). */
  append?: Record<string, readonly unknown[]>;
  /** Attributes to remove. */
  remove?: readonly string[];
}

/** A condition on the item written, with the placeholders it uses. */
export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** The expression parts of an UpdateItem (or a transaction's Update). */
export interface UpdateParts {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The one builder of update expressions. Every attribute goes through a name placeholder
 * (`#status`: many attribute names are DynamoDB reserved words) and every value through a
 * numbered value placeholder, so the condition's own placeholders (`#version`, `:expected`)
 * never collide with them. DynamoDB refuses unused placeholders and empty maps; none are made.
 */
export function updateExpression(changes: UpdateChanges, condition?: Condition): UpdateParts {
  const names: Record<string, string> = { ...condition?.ExpressionAttributeNames };
  const values: Record<string, unknown> = { ...condition?.ExpressionAttributeValues };
  let counter = 0;
  const name = (attribute: string) => {
    if (!NAME.test(attribute)) throw new Error(`Not an attribute name this table uses: ${attribute}`);
    names[`#${attribute}`] = attribute;
    return `#${attribute}`;
  };
  const value = (given: unknown) => {
    const placeholder = `:v${counter++}`;
    values[placeholder] = given;
    return placeholder;
  };
  const sets: string[] = [];
  const adds: string[] = [];
  const removes: string[] = [];
  for (const [attribute, given] of Object.entries(changes.set ?? {})) {
    if (given === undefined) continue;
    if (given === null) removes.push(name(attribute));
    else sets.push(`${name(attribute)} = ${value(given)}`);
  }
  for (const [attribute, items] of Object.entries(changes.append ?? {})) {
    const placeholder = name(attribute);
    sets.push(`${placeholder} = list_append(if_not_exists(${placeholder}, ${value([])}), ${value(items)})`);
  }
  for (const [attribute, amount] of Object.entries(changes.add ?? {})) {
    if (amount !== undefined) adds.push(`${name(attribute)} ${value(amount)}`);
  }
  for (const attribute of changes.remove ?? []) removes.push(name(attribute));
  const clauses = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
  ].filter(Boolean);
  if (clauses.length === 0) throw new Error('An update must change something');
  return {
    UpdateExpression: clauses.join(' '),
    ...(condition ? { ConditionExpression: condition.ConditionExpression } : {}),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
  };
}

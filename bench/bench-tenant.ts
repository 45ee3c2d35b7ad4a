import type { LocalStack } from '../infra/local/stack.ts';
import { createArea } from '../shared/data/areas-repo.ts';
import { createMember } from '../shared/data/members-repo.ts';
import { defaultSettings, newPartnershipItem } from '../shared/data/partnerships-repo.ts';
import { putNewOne } from '../shared/data/table-io.ts';
import type { MemberRole } from '../shared/domain/values.ts';
import type { PartnershipSettings } from '../shared/schemas/partnership.ts';

/** A partnership of the benchmarks' own, apart from the demo one so its data skews nothing else. */
export interface BenchTenantSpec {
  id: string;
  name: string;
  /** How many areas; each gets one team alert address. */
  areas: number;
  /** Members (each also a local user); `areas` are indexes into the tenant's areas. */
  members: readonly { email: string; role: MemberRole; areas: readonly number[] }[];
}

export interface BenchTenant {
  tenantId: string;
  areaIds: string[];
  settings: PartnershipSettings;
}

/**
 * Creates a partnership with its areas and members straight in the table (as the demo seed
 * does), with local users so `stack.token(email)` signs them in.
 */
export async function createBenchTenant(stack: LocalStack, spec: BenchTenantSpec): Promise<BenchTenant> {
  const { table } = stack;
  const now = stack.clock.now();
  const areaIds: string[] = [];
  for (let index = 0; index < spec.areas; index++) {
    const area = await createArea(
      table,
      spec.id,
      {
        name: `Bench area ${index + 1}`,
        onsCode: `E0${String(9_000_000 + index)}`,
        alertEmails: [`area-${index + 1}@${spec.id}.example.test`],
      },
      now,
    );
    areaIds.push(area.id);
  }
  for (const member of spec.members) {
    const user =
      (await stack.users.byEmail(member.email)) ??
      (await stack.users.add({
        email: member.email,
        name: `Bench ${member.role}`,
        tenantId: spec.id,
        groups: [],
      }));
    await createMember(
      table,
      spec.id,
      {
        id: user.sub,
        email: member.email,
        name: `Bench ${member.role}`,
        role: member.role,
        areaIds: member.areas.map((index) => areaIds[index] as string),
      },
      now,
    );
  }
  await putNewOne(table, newPartnershipItem(spec.id, spec.name, now));
  return { tenantId: spec.id, areaIds, settings: defaultSettings() };
}

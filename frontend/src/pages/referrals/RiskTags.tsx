import type { RiskFlag } from '../../../../shared/domain/worklist.ts';
import { RISK_FLAG_COLOURS, RISK_FLAG_LABELS } from '../../cases/release-labels.ts';
import { Tag } from '../../components/Tag.tsx';

/** A case's risk tags in words (no fixed abode, not on OST…), or nothing when it has none. */
export function RiskTags({ flags }: { flags: readonly RiskFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <ul className="govuk-list continuity-tag-list" aria-label="Risks">
      {flags.map((flag) => (
        <li key={flag}>
          <Tag colour={RISK_FLAG_COLOURS[flag]}>{RISK_FLAG_LABELS[flag]}</Tag>
        </li>
      ))}
    </ul>
  );
}

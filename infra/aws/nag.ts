import { type App, Validations } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Runs cdk-nag's AWS Solutions rules on every synth. cdk-nag 3 is a policy-validation
 * plugin: a finding that is not acknowledged (Validations.of(construct).acknowledge, each
 * with its reason beside the construct it concerns) fails the synth and is listed in
 * cdk.out's validation report.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

/** Why one kind of wildcard in an IAM policy is acceptable. */
export interface WildcardReason {
  /** The AwsSolutions-IAM5 finding, e.g. `Action::kms:ReEncrypt*`, or a pattern of them. */
  finding: string | RegExp;
  reason: string;
}

/**
 * Acknowledges the AwsSolutions-IAM5 findings of the IAM policies under `scope` that one
 * of `reasons` explains. Findings are computed with cdk-nag's own rule, so account and
 * region in rendered ARNs need not be spelled out; any finding no reason matches is left
 * alone and still fails the synth. Call it after the policies are complete.
 */
export function acknowledgeWildcards(scope: IConstruct, reasons: readonly WildcardReason[]): void {
  for (const node of scope.node.findAll()) {
    if (!(node instanceof CfnPolicy)) continue;
    const findings = rules.iam.IAMNoWildcardPermissions(node);
    if (!Array.isArray(findings)) continue;
    for (const finding of findings) {
      const match = reasons.find((candidate) =>
        typeof candidate.finding === 'string'
          ? candidate.finding === finding
          : candidate.finding.test(finding),
      );
      if (match)
        Validations.of(node).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: match.reason });
    }
  }
}

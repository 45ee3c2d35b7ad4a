import { type App, Stack, Validations } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { AwsSolutionsChecks, HIPAASecurityChecks, rules } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/**
 * Runs cdk-nag's AWS Solutions and HIPAA Security rules on every synth (the service holds
 * special-category health data; HIPAA's safeguards are the closest AWS-published pack). cdk-nag 3
 * is a policy-validation plugin: a finding that is not acknowledged
 * (Validations.of(construct).acknowledge, each with its reason beside the construct it concerns)
 * fails the synth and is listed in cdk.out's validation report.
 */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new HIPAASecurityChecks(app, { verbose: true }),
  );
}

/**
 * Acknowledges HIPAA.Security-IAMNoInlinePolicy on every IAM policy under `scope` that is
 * attached to roles only (CDK writes each role's grants as its own AWS::IAM::Policy). A policy
 * on a user or group is left alone and still fails the synth.
 */
export function acknowledgeRolePolicies(scope: IConstruct): void {
  for (const node of scope.node.findAll()) {
    if (!(node instanceof CfnPolicy)) continue;
    // CDK renders users and groups lazily: resolve them to see whether any is attached.
    const stack = Stack.of(node);
    const attached = [node.users, node.groups].flatMap((value) => (stack.resolve(value) as unknown[]) ?? []);
    if (attached.length > 0) continue;
    Validations.of(node).acknowledge({
      id: 'HIPAA.Security-IAMNoInlinePolicy',
      reason:
        "This is one role's own policy, written by its grants: each role has exactly the statements its " +
        'function needs, which shared managed policies would blur. No user or group has a policy.',
    });
  }
}

/** Why one kind of wildcard in an IAM policy is acceptable. */
export interface WildcardReason {
  /** The AwsSolutions-IAM5 finding, e.g. `Action::kms:ReEncrypt*`, or a pattern of them. */
  finding: string | RegExp;
  reason: string;
}

/**
 * The wildcards of AWS's standard permissions to use a KMS key (ReEncrypt*, GenerateDataKey*),
 * as CDK's grants and DynamoDB's documentation write them. Every such statement in this stack
 * names one of the stack's own keys: the table key (usable only through DynamoDB), or the queue
 * key (Lambda putting a failed run on its on-failure destination queue).
 */
export const OWN_KEY_WILDCARDS: readonly WildcardReason[] = [
  {
    finding: 'Action::kms:ReEncrypt*',
    reason:
      "Part of AWS's standard permissions to use one key; the statement names one of this stack's own keys " +
      '(the table key through DynamoDB only, or the queue key), never another.',
  },
  {
    finding: 'Action::kms:GenerateDataKey*',
    reason:
      "Data keys of one of this stack's own keys (the table key through DynamoDB only, or the queue key), " +
      'to encrypt items or messages; the statement names that key only.',
  },
];

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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks, HIPAASecurityChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { addNagChecks } from '../../infra/aws/nag.ts';
import { type SynthesisedContinuity, synthContinuity } from './synth-continuity.ts';

/**
 * cdk-nag 3 is a policy-validation plugin, not an Aspect: findings are not annotations.
 * An in-process synth throws on any unacknowledged finding, and the cloud assembly holds
 * validation-report.json. These tests read both, and run the pack directly for a readable list.
 */
describe('cdk-nag AwsSolutions and HIPAA.Security', () => {
  let synth: SynthesisedContinuity;
  let stack: ContinuityStack;

  beforeAll(() => {
    // As `cdk synth` runs it: with CDK's own CloudFormation validation too.
    synth = synthContinuity({ cloudFormationValidation: true });
    stack = synth.stack;
  });

  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['HIPAA.Security', () => new HIPAASecurityChecks()],
  ])('finds nothing unacknowledged by %s in the stack (errors or warnings)', (_name, pack) => {
    const report = pack().validateScope(stack);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.severity} ${violation.ruleName} ${resource.constructPath}`,
      ),
    );
    expect(findings).toEqual([]);
  });

  it('runs the HIPAA pack in every synth too: a finding only it makes fails the synth', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const probe = new Stack(app, 'HipaaProbe');
    const bucket = new Bucket(probe, 'Unversioned', { enforceSSL: true });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'A probe bucket of this test: the AwsSolutions findings are acknowledged on purpose.',
    });
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/HIPAA\.Security-S3BucketVersioningEnabled/);
  });

  it('leaves no violation in the synth validation report', () => {
    const report = JSON.parse(
      readFileSync(join(synth.assembly.directory, 'validation-report.json'), 'utf8'),
    ) as {
      pluginReports: { violations?: unknown[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations ?? [])).toEqual([]);
  });

  it('adds no error annotations either (read from the same synth, as Annotations.fromStack would)', () => {
    const messages = synth.assembly.getStackArtifact(stack.artifactId).messages;
    expect(messages.filter((message) => message.level === 'error')).toEqual([]);
  });

  it('gives every acknowledgement a specific reason', () => {
    const acknowledgements = stack.node
      .findAll()
      .flatMap((node: IConstruct) => node.node.metadata)
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>));
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(id).toMatch(/(AwsSolutions-[A-Z]+[0-9]+|HIPAA\.Security-[A-Za-z0-9]+)/);
      expect(reason.length, id).toBeGreaterThanOrEqual(40);
    }
  });

  it('fails a synth that has an unacknowledged finding', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const probe = new Stack(app, 'NagProbe');
    new Bucket(probe, 'Unlogged');
    addNagChecks(app);
    expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
  });
});

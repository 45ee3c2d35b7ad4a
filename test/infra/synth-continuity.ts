import { readFileSync } from 'node:fs';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { addContinuityStack, type ContinuityAppOverrides } from '../../infra/aws/continuity-app.ts';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';

export interface SynthesisedContinuity {
  app: App;
  stack: ContinuityStack;
  template: Template;
  assembly: ReturnType<App['synth']>;
}

export interface SynthOptions {
  context?: Record<string, unknown>;
  overrides?: ContinuityAppOverrides;
  /**
   * Also run CDK's built-in CloudFormation schema validation, as `cdk synth` does. It costs
   * seconds per synth, so only the file that checks the synth as a whole turns it on.
   */
  cloudFormationValidation?: boolean;
}

/**
 * Synthesises the real app in-process with cdk.json's context (feature flags) and asset
 * bundling turned off, so no esbuild or Vite runs and the handler files need only exist.
 * cdk-nag runs as part of the synth: an unacknowledged finding throws here.
 */
export function synthContinuity(options: SynthOptions = {}): SynthesisedContinuity {
  const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
    context: Record<string, unknown>;
  };
  const app = new App({
    context: { ...cdkJson.context, ...options.context, 'aws:cdk:bundling-stacks': [] },
    builtinCloudFormationValidation: options.cloudFormationValidation ?? false,
  });
  // An empty environment: no account, and the default region, whatever the machine has set.
  const stack = addContinuityStack(app, {}, options.overrides);
  const template = Template.fromStack(stack);
  return { app, stack, template, assembly: app.synth() };
}

type CfnValue = unknown;

/** The logical id CloudFormation knows a construct's main resource by. */
export function logicalIdOf(stack: ContinuityStack, construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild;
  if (!child) throw new Error('construct has no default child');
  return stack.resolve(stack.getLogicalId(child as never)) as string;
}

/** Every logical id a CloudFormation value refers to (Ref and Fn::GetAtt), however deeply nested. */
export function referencedIds(value: CfnValue): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, CfnValue>;
  const own: string[] = [];
  if (typeof record.Ref === 'string') own.push(record.Ref);
  const getAtt = record['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') own.push(getAtt[0]);
  return [...own, ...Object.values(record).flatMap(referencedIds)];
}

/** A value as a flat list (IAM's Action and Resource may be one item or a list). */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

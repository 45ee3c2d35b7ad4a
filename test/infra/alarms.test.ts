import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { Alarms } from '../../infra/aws/alarms.ts';

/** The Alarms construct on its own, in a small stack: cheap to build twice. */
function alarmsStack(email?: string): { template: Template; stack: Stack; alarms: Alarms } {
  const stack = new Stack(new App(), 'AlarmsProbe', { env: { region: 'eu-west-2' } });
  const alarms = new Alarms(stack, 'Alarms', { namePrefix: 'Probe', email });
  alarms.onDeadLetters('job-dead-letters', new Queue(stack, 'Queue'), 'failed runs');
  return { template: Template.fromStack(stack), stack, alarms };
}

describe('alarm topic', () => {
  it('mails the address from context `alarmEmail` when there is one', () => {
    alarmsStack('ops@cdp.example.gov.uk').template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@cdp.example.gov.uk',
    });
    alarmsStack().template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it("names alarms after the stack and lets only this stack's alarms publish", () => {
    const { template } = alarmsStack();
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'Probe-job-dead-letters' });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 'sns:Publish',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Condition: Match.objectLike({
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
            }),
          }),
        ]),
      },
    });
    const policy = Object.values(template.findResources('AWS::SNS::TopicPolicy'))[0]!;
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain(':alarm:Probe-*');
  });

  it('lets CloudWatch use the topic key, which rotates', () => {
    const { template } = alarmsStack();
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });

  it('tells the topic when the alarm clears, too', () => {
    const { template, stack, alarms } = alarmsStack();
    const topicRef = { Ref: stack.resolve(stack.getLogicalId(alarms.topic.node.defaultChild as never)) };
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmActions: [topicRef],
      OKActions: [topicRef],
      TreatMissingData: 'notBreaching',
    });
  });
});

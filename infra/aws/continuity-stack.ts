import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { RuleDef } from '../../events/rules.ts';
import type { ScheduleDef } from '../../events/schedules.ts';
import type { RouteDef } from '../../functions/api/route-types.ts';
import { Alarms } from './alarms.ts';
import { Api } from './api.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { CursorSecret } from './cursor-secret.ts';
import { ServiceBus } from './event-bus.ts';
import { EventRules } from './event-rules.ts';
import { FrontendDeployment } from './frontend-deployment.ts';
import { functionEnvironment } from './function-environment.ts';
import { Identity, OPERATOR_GROUP } from './identity.ts';
import { Mail } from './mail.ts';
import { acknowledgeWildcards } from './nag.ts';
import type { NodeFunction } from './node-function.ts';
import type { RouteAccess } from './route-access.ts';
import { ScheduledJobs } from './schedules.ts';
import type { DeploySettings } from './settings.ts';
import { DataTable } from './table.ts';
import { Web } from './web.ts';
import { workerAccess } from './worker-access.ts';

export interface ContinuityStackProps extends StackProps {
  settings: DeploySettings;
  routes: readonly RouteDef[];
  schedules: readonly ScheduleDef[];
  rules: readonly RuleDef[];
}

/** Cognito admin calls the members and admin modules make (inviting and removing users). */
export const IDENTITY_ADMIN_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminDeleteUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminGetUser',
] as const;

/** Everything Continuity runs on in one AWS account and region (DESIGN.md §4 "AWS"). */
export class ContinuityStack extends Stack {
  readonly data: DataTable;
  readonly cursorSecret: CursorSecret;
  readonly mail: Mail;
  readonly identity: Identity;
  readonly api: Api;
  readonly web: Web;
  readonly jobs: ScheduledJobs;
  readonly bus: ServiceBus;
  readonly eventRules: EventRules;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: ContinuityStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.data = new DataTable(this, 'Data');
    this.cursorSecret = new CursorSecret(this, 'CursorKey');
    this.mail = new Mail(this, 'Mail', { mailFromDomain: settings.mailFromDomain });
    this.api = new Api(this, 'Api');
    this.bus = new ServiceBus(this, 'Events');

    // The CSP names the identity provider's origins, which exist only once Identity does.
    let identityOrigins: string[] = [];
    this.web = new Web(this, 'Web', {
      apiDomainName: this.api.domainName,
      contentSecurityPolicy: Lazy.string({ produce: () => contentSecurityPolicy(identityOrigins) }),
      domainName: settings.domainName,
      certificateArn: settings.certificateArn,
    });
    const identity = new Identity(this, 'Identity', {
      appUrl: this.web.appUrl,
      domainPrefix: settings.authDomainPrefix,
    });
    this.identity = identity;
    identityOrigins = [`https://cognito-idp.${this.region}.${this.urlSuffix}`, identity.hostedUiUrl];

    const environment = functionEnvironment({
      tableName: this.data.table.tableName,
      issuer: identity.issuer,
      clientId: identity.client.userPoolClientId,
      userPoolId: identity.userPool.userPoolId,
      operatorGroup: OPERATOR_GROUP,
      mailFrom: settings.mailFrom,
      appUrl: this.web.appUrl,
      cursorSecretArn: this.cursorSecret.secret.secretArn,
      eventBusName: this.bus.bus.eventBusName,
    });

    const grant = (access: RouteAccess, fn: NodeFunction): void => {
      if (access.data) this.data.table.grantReadWriteData(fn.role);
      if (access.cursorKey) this.cursorSecret.grantRead(fn.role);
      if (access.identityAdmin) {
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [...IDENTITY_ADMIN_ACTIONS],
            resources: [identity.userPool.userPoolArn],
          }),
        );
      }
      if (access.sendMail) this.mail.grantSend(fn.role);
      if (access.publishEvents) this.bus.grantPublish(fn.role);
    };

    this.api.addRoutes({
      routes: props.routes,
      authorizer: new HttpJwtAuthorizer('CognitoAccessToken', identity.issuer, {
        jwtAudience: [identity.client.userPoolClientId],
        authorizerName: 'cognito-access-token',
      }),
      environment,
      grant,
    });

    // The alert sweep is one of these: see worker-access.ts for why it alone reads across tenants.
    this.jobs = new ScheduledJobs(this, 'Jobs', {
      schedules: props.schedules,
      environment,
      grant: (fn, def) => grant(workerAccess(def.module), fn),
    });
    this.eventRules = new EventRules(this, 'EventRules', {
      rules: props.rules,
      bus: this.bus.bus,
      environment,
      grant: (fn, module) => grant(workerAccess(module), fn),
    });

    // After every grant: the policies are complete now.
    acknowledgeWildcards(this.api, this.data.grantWildcardReasons());
    acknowledgeWildcards(this.jobs, this.data.grantWildcardReasons());
    acknowledgeWildcards(this.eventRules, this.data.grantWildcardReasons());

    this.alarms = new Alarms(this, 'Alarms', { namePrefix: this.stackName, email: settings.alarmEmail });
    for (const [name, queue] of this.jobs.deadLetterQueues) {
      this.alarms.onDeadLetters(`${name}-dead-letters`, queue, `a run of schedule ${name} failed`);
    }
    for (const [name, fn] of this.jobs.functions) this.alarms.onFunctionTrouble(name, fn.fn);
    for (const [name, queue] of this.eventRules.deadLetterQueues) {
      this.alarms.onDeadLetters(`${name}-dead-letters`, queue, `rule ${name} could not deliver an event`);
    }
    for (const [module, queue] of this.eventRules.failureQueues) {
      this.alarms.onDeadLetters(`${module}-failed-runs`, queue, `every run of ${module} on an event failed`);
    }
    for (const [module, fn] of this.eventRules.functions) this.alarms.onFunctionTrouble(module, fn.fn);

    new FrontendDeployment(this, 'Frontend', {
      bucket: this.web.siteBucket,
      distribution: this.web.distribution,
      config: {
        authority: identity.issuer,
        clientId: identity.client.userPoolClientId,
        scope: 'openid email profile',
        apiBase: '/api',
        environment: 'aws',
        logoutUrl:
          `${identity.hostedUiUrl}/logout?client_id=${identity.client.userPoolClientId}` +
          `&logout_uri=${this.web.appUrl}/signed-out`,
      },
    });

    new CfnOutput(this, 'AppUrl', { value: this.web.appUrl, description: 'The web app' });
    new CfnOutput(this, 'UserPoolId', { value: identity.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: identity.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.data.table.tableName });
    new CfnOutput(this, 'EventBusName', { value: this.bus.bus.eventBusName });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn });
    new CfnOutput(this, 'HostedUiUrl', { value: identity.hostedUiUrl });
    new CfnOutput(this, 'ApiEndpoint', {
      value: this.api.httpApi.apiEndpoint,
      description: 'Direct; use AppUrl/api',
    });
  }
}

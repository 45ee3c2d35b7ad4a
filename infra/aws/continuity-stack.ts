import { CfnOutput, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { RuleDef } from '../../events/rules.ts';
import type { ScheduleDef } from '../../events/schedules.ts';
import type { RouteDef } from '../../shared/http/route-def.ts';
import { Alarms, QUEUE_AGE_LIMIT } from './alarms.ts';
import { Api } from './api.ts';
import { contentSecurityPolicy } from './content-security-policy.ts';
import { CursorSecret } from './cursor-secret.ts';
import { ServiceBus } from './event-bus.ts';
import { EventRules } from './event-rules.ts';
import { FrontendDeployment } from './frontend-deployment.ts';
import { type FunctionAccess, routeAccess } from './function-access.ts';
import { functionEnvironment } from './function-environment.ts';
import { HmppsQueue } from './hmpps-queue.ts';
import { Identity, OPERATOR_GROUP } from './identity.ts';
import { LogKey } from './log-key.ts';
import { Mail } from './mail.ts';
import { acknowledgeRolePolicies, acknowledgeWildcards, OWN_KEY_WILDCARDS } from './nag.ts';
import type { NodeFunction } from './node-function.ts';
import { QueueKey } from './queue-key.ts';
import { ScheduledJobs } from './schedules.ts';
import type { DeploySettings } from './settings.ts';
import { DataTable } from './table.ts';
import type { TableAccess, TableAction } from './table-access.ts';
import { TenantDataRole } from './tenant-data-role.ts';
import { Web } from './web.ts';
import { workerAccess } from './worker-access.ts';

export interface ContinuityStackProps extends StackProps {
  settings: DeploySettings;
  routes: readonly RouteDef[];
  schedules: readonly ScheduleDef[];
  rules: readonly RuleDef[];
}

/** The environment variable that names the tenant-scoped data role to signed-in route functions. */
export const TENANT_ROLE_VARIABLE = 'TENANT_ROLE_ARN';

/** Everything Continuity runs on in one AWS account and region (DESIGN.md §4 "AWS"). */
export class ContinuityStack extends Stack {
  readonly data: DataTable;
  readonly logKey: LogKey;
  readonly queueKey: QueueKey;
  readonly cursorSecret: CursorSecret;
  readonly mail: Mail;
  readonly identity: Identity;
  readonly api: Api;
  readonly tenantRole: TenantDataRole;
  readonly web: Web;
  readonly jobs: ScheduledJobs;
  readonly bus: ServiceBus;
  readonly eventRules: EventRules;
  readonly hmpps: HmppsQueue;
  readonly alarms: Alarms;

  constructor(scope: Construct, id: string, props: ContinuityStackProps) {
    super(scope, id, props);
    const { settings } = props;

    this.data = new DataTable(this, 'Data');
    this.logKey = new LogKey(this, 'LogKey');
    this.queueKey = new QueueKey(this, 'QueueKey');
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

    // Roles of the route functions sit under one path, which the tenant-scoped role trusts.
    const apiRolePath = `/continuity/${this.stackName}/api/`;
    this.tenantRole = new TenantDataRole(this, 'TenantData', {
      data: this.data,
      access: memberRoutesAccess(props.routes),
      assumerRolePath: apiRolePath,
      nameLocks: props.routes.some((route) => routeAccess(route).nameLocks),
    });

    const grant = (access: FunctionAccess, fn: NodeFunction): void => {
      if (access.table) this.data.grantAccess(fn.role, access.table);
      if (access.cursorKey) this.cursorSecret.grantRead(fn.role);
      if (access.identityActions.length > 0) {
        fn.role.addToPrincipalPolicy(
          new PolicyStatement({
            actions: [...access.identityActions],
            resources: [identity.userPool.userPoolArn],
          }),
        );
      }
      if (access.sendMail) this.mail.grantSend(fn.role);
      if (access.publishEvents) this.bus.grantPublish(fn.role);
      if (access.tenantRole) this.tenantRole.grantAssume(fn.role);
    };

    this.api.addRoutes({
      routes: props.routes,
      authorizer: new HttpJwtAuthorizer('CognitoAccessToken', identity.issuer, {
        jwtAudience: [identity.client.userPoolClientId],
        authorizerName: 'cognito-access-token',
      }),
      environment,
      signedInEnvironment: { [TENANT_ROLE_VARIABLE]: this.tenantRole.role.roleArn },
      rolePath: apiRolePath,
      grant,
      sessionPolicy: (access, nameLocks) => this.tenantRole.sessionPolicy(access, nameLocks),
    });

    // See infra/aws/table-access.ts for which workers read across tenants, and through what.
    this.jobs = new ScheduledJobs(this, 'Jobs', {
      schedules: props.schedules,
      environment,
      queueKey: this.queueKey,
      grant: (fn, def) => grant(workerAccess(def.module), fn),
    });
    this.eventRules = new EventRules(this, 'EventRules', {
      rules: props.rules,
      bus: this.bus.bus,
      environment,
      queueKey: this.queueKey,
      grant: (fn, module) => grant(workerAccess(module), fn),
    });
    this.hmpps = new HmppsQueue(this, 'Hmpps', {
      key: this.queueKey,
      environment,
      topicArn: settings.hmppsTopicArn,
      grant: (fn) => grant(workerAccess('hmpps-ingest'), fn),
    });

    this.alarms = new Alarms(this, 'Alarms', { namePrefix: this.stackName, email: settings.alarmEmail });
    this.addAlarms();

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

    // After every construct and grant: the policies and log groups are complete now.
    for (const scope of [this.api, this.jobs, this.eventRules, this.hmpps, this.tenantRole]) {
      acknowledgeWildcards(scope, OWN_KEY_WILDCARDS);
    }
    acknowledgeRolePolicies(this);
    this.logKey.encryptLogGroups(this);

    this.addOutputs(settings);
  }

  /** Errors, throttles and dead letters of every function and queue, and the API's 5xx answers. */
  private addAlarms(): void {
    const { alarms } = this;
    for (const [name, queue] of this.jobs.deadLetterQueues) {
      alarms.onDeadLetters(`${name}-dead-letters`, queue, `a run of schedule ${name} failed`);
    }
    for (const [name, fn] of this.jobs.functions) alarms.onFunctionTrouble(name, fn.fn);
    for (const [name, queue] of this.eventRules.deadLetterQueues) {
      alarms.onDeadLetters(`${name}-dead-letters`, queue, `rule ${name} could not deliver an event`);
    }
    for (const [module, queue] of this.eventRules.failureQueues) {
      alarms.onDeadLetters(`${module}-failed-runs`, queue, `every run of ${module} on an event failed`);
    }
    for (const [module, fn] of this.eventRules.functions) alarms.onFunctionTrouble(module, fn.fn);
    alarms.onDeadLetters(
      'hmpps-dead-letters',
      this.hmpps.deadLetters,
      'an HMPPS event was malformed (see its reason attribute) or failed three deliveries',
    );
    alarms.onQueueBacklog('hmpps-backlog', this.hmpps.queue, QUEUE_AGE_LIMIT, 'functions/hmpps-ingest');
    alarms.onFunctionTrouble('hmpps-ingest', this.hmpps.fn.fn);
    // A failing pre-token trigger stops everyone signing in.
    alarms.onFunctionTrouble('pre-token', this.identity.preTokenFunction.fn);
    alarms.onApiServerErrors('api-5xx', this.api.stage.metricServerError());
    alarms.onFunctionGroupErrors(
      'api-functions',
      new Map([...this.api.functions].map(([operationId, fn]) => [operationId, fn.fn])),
    );
  }

  private addOutputs(settings: DeploySettings): void {
    const output = (id: string, value: string, description: string) =>
      new CfnOutput(this, id, { value, description });
    output('AppUrl', this.web.appUrl, 'The web app: sign in here');
    output(
      'UserPoolId',
      this.identity.userPool.userPoolId,
      'Cognito user pool: create the first operator in it',
    );
    output('UserPoolClientId', this.identity.client.userPoolClientId, "The web app's Cognito client");
    output('HostedUiUrl', this.identity.hostedUiUrl, 'Cognito sign-in pages');
    output('TableName', this.data.table.tableName, 'The DynamoDB table (retained on stack deletion)');
    output('EventBusName', this.bus.bus.eventBusName, 'The bus alerts and imports are published to');
    output('AlarmTopicArn', this.alarms.topic.topicArn, 'Every alarm notifies this SNS topic');
    output(
      'HmppsQueueUrl',
      this.hmpps.queue.queueUrl,
      'HMPPS domain events queue (test with aws sqs send-message)',
    );
    output(
      'HmppsQueueArn',
      this.hmpps.queue.queueArn,
      'Subscribe this queue to the HMPPS domain events topic',
    );
    output(
      'HmppsDeadLetterQueueUrl',
      this.hmpps.deadLetters.queueUrl,
      'Malformed or failing HMPPS events, each with a reason attribute',
    );
    output('TenantDataRoleArn', this.tenantRole.role.roleArn, 'Tenant-scoped data role (TENANT_ROLE_ARN)');
    output('ApiEndpoint', this.api.httpApi.apiEndpoint, 'Direct; use AppUrl/api');
    // A domain identity is verified by DKIM records in its DNS; an address by a link SES mails.
    if (!settings.mailFromDomain.includes('@')) {
      const records = [
        [this.mail.identity.dkimDnsTokenName1, this.mail.identity.dkimDnsTokenValue1],
        [this.mail.identity.dkimDnsTokenName2, this.mail.identity.dkimDnsTokenValue2],
        [this.mail.identity.dkimDnsTokenName3, this.mail.identity.dkimDnsTokenValue3],
      ] as const;
      records.forEach(([name, value], index) => {
        output(`DkimRecord${index + 1}`, `${name} CNAME ${value}`, 'Add to DNS to verify the SES domain');
      });
    }
  }
}

/**
 * The union of what the routes a partnership member may call do with the table: the most a
 * tenant-scoped session could ever need (operator-only routes act across partnerships instead).
 */
function memberRoutesAccess(routes: readonly RouteDef[]): TableAccess {
  const table = new Set<TableAction>();
  const indexes = new Set<string>();
  for (const route of routes) {
    const access = routeAccess(route);
    if (!access.tenantTable) continue;
    for (const action of access.tenantTable.table) table.add(action);
    for (const index of access.tenantTable.indexes) indexes.add(index);
  }
  return { table: [...table].sort(), indexes: [...indexes].sort() };
}

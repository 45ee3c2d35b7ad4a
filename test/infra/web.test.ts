import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContinuityStack } from '../../infra/aws/continuity-stack.ts';
import { logicalIdOf, synthContinuity } from './synth-continuity.ts';

type Resource = { Type: string; Properties: Record<string, unknown> };
interface Behaviour {
  PathPattern?: string;
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  AllowedMethods: string[];
  ViewerProtocolPolicy: string;
  FunctionAssociations?: unknown[];
  TargetOriginId: string;
}

describe('web: S3 and CloudFront', () => {
  let template: Template;
  let stack: ContinuityStack;
  let assemblyDir: string;
  let config: Record<string, unknown>;
  let distribution: {
    DefaultCacheBehavior: Behaviour;
    CacheBehaviors: Behaviour[];
    DefaultRootObject: string;
    Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown }[];
  };

  beforeAll(() => {
    const synth = synthContinuity();
    ({ template, stack } = synth);
    assemblyDir = synth.assembly.directory;
    const resources = template.toJSON().Resources as Record<string, Resource>;
    distribution = resources[logicalIdOf(stack, stack.web.distribution)]!.Properties
      .DistributionConfig as typeof distribution;
    const configDir = readdirSync(assemblyDir).find((name) =>
      existsSync(join(assemblyDir, name, 'config.json')),
    );
    config = JSON.parse(readFileSync(join(assemblyDir, configDir!, 'config.json'), 'utf8'));
  });

  const apiBehaviour = (): Behaviour => distribution.CacheBehaviors.find((b) => b.PathPattern === '/api/*')!;

  it('forwards /api/* to the HTTP API uncached, with every method and all viewer headers but Host', () => {
    const api = apiBehaviour();
    expect(api).toBeDefined();
    expect(api.CachePolicyId).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
    expect(api.OriginRequestPolicyId).toBe(
      OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    );
    expect([...api.AllowedMethods].sort()).toEqual([
      'DELETE',
      'GET',
      'HEAD',
      'OPTIONS',
      'PATCH',
      'POST',
      'PUT',
    ]);
    expect(api.ViewerProtocolPolicy).toBe('https-only');
    expect(api.FunctionAssociations).toBeUndefined();
    const origin = distribution.Origins.find((o) => o.Id === api.TargetOriginId)!;
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.eu-west-2.');
    expect(origin).toMatchObject({
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
    });
  });

  it('serves the app from the bucket through origin access control, with the SPA rewrite', () => {
    const app = distribution.DefaultCacheBehavior;
    const origin = distribution.Origins.find((o) => o.Id === app.TargetOriginId)!;
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(distribution.DefaultRootObject).toBe('index.html');
    expect(app.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(app.FunctionAssociations).toEqual([
      {
        EventType: 'viewer-request',
        FunctionARN: { 'Fn::GetAtt': [logicalIdOf(stack, stack.web.spaRewrite), 'FunctionARN'] },
      },
    ]);
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
  });

  it('keeps the site bucket private, encrypted, TLS-only and access-logged', () => {
    const bucketId = logicalIdOf(stack, stack.web.siteBucket);
    const buckets = template.findResources('AWS::S3::Bucket');
    expect(buckets[bucketId]!.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalIdOf(stack, stack.web.logBucket) } },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    expect(buckets[bucketId]!.Properties.WebsiteConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: bucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    });
  });

  it('allows no bucket to anyone: every Allow names a service principal', () => {
    for (const policy of Object.values(template.findResources('AWS::S3::BucketPolicy'))) {
      const statements = policy.Properties.PolicyDocument.Statement as {
        Effect: string;
        Principal: unknown;
      }[];
      for (const statement of statements.filter((s) => s.Effect === 'Allow')) {
        expect(statement.Principal).toEqual({ Service: expect.any(String) });
      }
    }
  });

  it('sends security headers, including a CSP that allows only the identity provider besides itself', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ Override: true }),
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
        }),
      }),
    });
    const policy = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0]!;
    const csp = JSON.stringify(
      policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy,
    );
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain('https://cognito-idp.eu-west-2.');
    expect(csp).toContain('.auth.eu-west-2.amazoncognito.com');
    expect(distribution.DefaultCacheBehavior).toHaveProperty('ResponseHeadersPolicyId');
    expect(apiBehaviour()).toHaveProperty('ResponseHeadersPolicyId');
  });

  it('deploys the frontend with its runtime config.json and invalidates the distribution', () => {
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: { Ref: logicalIdOf(stack, stack.web.siteBucket) },
      DistributionId: { Ref: logicalIdOf(stack, stack.web.distribution) },
      Prune: true,
    });
    expect(Object.keys(config).sort()).toEqual(
      ['apiBase', 'authority', 'clientId', 'environment', 'logoutUrl', 'scope'].sort(),
    );
    expect(config).toMatchObject({ scope: 'openid email profile', apiBase: '/api', environment: 'aws' });
    expect(config.authority).toMatch(/^https:\/\/cognito-idp\.eu-west-2\./);
    expect(config.logoutUrl).toMatch(
      /\.auth\.eu-west-2\.amazoncognito\.com\/logout\?client_id=.+&logout_uri=https:\/\/.+\/signed-out$/,
    );
  });

  it('outputs the app URL, user pool id, client id and table name', () => {
    const outputs = template.toJSON().Outputs as Record<string, unknown>;
    for (const name of ['AppUrl', 'UserPoolId', 'UserPoolClientId', 'TableName'])
      expect(outputs).toHaveProperty(name);
  });
});

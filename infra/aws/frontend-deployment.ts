import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DockerImage, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledgeWildcards } from './nag.ts';
import { REPO_ROOT, repoPath } from './paths.ts';

/** The frontend's runtime configuration, served as /config.json (read before sign-in). */
export interface FrontendConfig {
  authority: string;
  clientId: string;
  scope: string;
  apiBase: string;
  environment: 'aws';
  logoutUrl: string;
}

export interface FrontendDeploymentProps {
  bucket: Bucket;
  distribution: IDistribution;
  config: FrontendConfig;
}

/**
 * Builds the frontend with Vite on this machine (no Docker) while synthesising, uploads it
 * with its config.json, and invalidates CloudFront so users get the new version at once.
 * Bundling is skipped like every other asset when context `aws:cdk:bundling-stacks` is [].
 */
export class FrontendDeployment extends Construct {
  readonly deployment: BucketDeployment;

  constructor(scope: Construct, id: string, props: FrontendDeploymentProps) {
    super(scope, id);
    const app = Source.asset(repoPath('frontend'), {
      exclude: ['dist', 'node_modules'],
      bundling: {
        // Never pulled: local bundling below always succeeds or throws.
        image: DockerImage.fromRegistry('node:22'),
        local: {
          tryBundle(outputDir: string): boolean {
            execFileSync(
              'npx',
              [
                '--no',
                'vite',
                'build',
                '--config',
                'frontend/vite.config.ts',
                '--outDir',
                outputDir,
                '--emptyOutDir',
              ],
              // Vite's progress goes to stderr so `cdk synth` keeps stdout for the template.
              { cwd: REPO_ROOT, stdio: ['ignore', process.stderr, 'inherit'] },
            );
            if (!existsSync(join(outputDir, 'index.html'))) {
              throw new Error(
                `vite build wrote no index.html to ${outputDir}; check frontend/vite.config.ts`,
              );
            }
            return true;
          },
        },
      },
    });

    this.deployment = new BucketDeployment(this, 'Upload', {
      destinationBucket: props.bucket,
      sources: [app, Source.jsonData('config.json', props.config)],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      prune: true,
      memoryLimit: 512,
    });

    // The upload runs in CDK's own custom-resource function; acknowledge its findings there.
    const handler = this.deployment.handlerRole.node.scope;
    if (handler) {
      Validations.of(handler).acknowledge(
        {
          id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          reason:
            "CDK's BucketDeployment handler role; it only writes its own logs with this managed policy.",
        },
        {
          id: 'AwsSolutions-L1',
          reason: "The runtime of CDK's BucketDeployment handler is chosen by aws-cdk-lib, not by this app.",
        },
        {
          id: 'HIPAA.Security-LambdaDLQ',
          reason:
            "CDK's BucketDeployment handler runs as a CloudFormation custom resource: a failure fails the " +
            'deployment, which rolls back; there is no event to keep.',
        },
        {
          id: 'HIPAA.Security-LambdaConcurrency',
          reason:
            "CDK's BucketDeployment handler runs once per deployment; it needs no reserved concurrency.",
        },
        {
          id: 'HIPAA.Security-LambdaInsideVPC',
          reason:
            "CDK's BucketDeployment handler copies the built web app (no personal data) between S3 buckets " +
            'through their public endpoints with IAM-signed requests.',
        },
      );
      const stack = Stack.of(this);
      const siteBucketId: unknown = stack.resolve(
        stack.getLogicalId(props.bucket.node.defaultChild as CfnBucket),
      );
      acknowledgeWildcards(handler, [
        {
          finding: /^Action::s3:(GetBucket|GetObject|List|DeleteObject|Abort)\*$/,
          reason:
            "CDK's standard S3 read/write grant: the upload reads the build and replaces and prunes site files.",
        },
        {
          finding: /^Resource::arn:[^:]+:s3:::cdk-[a-z0-9]+-assets-[^/]+\/\*$/,
          reason:
            'Reads the built frontend from the CDK bootstrap asset bucket, where `cdk deploy` uploaded it.',
        },
        {
          finding: `Resource::<${String(siteBucketId)}.Arn>/*`,
          reason: "Writes the site's files: every object of the site bucket is the app's to replace.",
        },
        {
          finding: 'Resource::*',
          reason:
            "CDK grants cloudfront:CreateInvalidation/GetInvalidation on '*' to invalidate the distribution after an upload.",
        },
      ]);
    }
  }
}

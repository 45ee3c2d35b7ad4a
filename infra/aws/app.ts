import { App } from 'aws-cdk-lib';
import { addContinuityStack } from './continuity-app.ts';

// CDK entry point (cdk.json: `node --import tsx infra/aws/app.ts`).
const app = new App();
addContinuityStack(app);
app.synth();

import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The service's structured JSON logger. Log tenant ids, request ids, record ids and outcomes
 * only: never a person's name, date of birth, prison number or NHS number.
 */
export const logger = new Logger({ serviceName: 'continuity' });

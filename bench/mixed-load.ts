import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppointmentTarget } from './http-load.ts';

/** The operations of the mixed workload, each with its share of the requests (percent). */
export const OPERATIONS = {
  getReferral: { share: 35, label: '`GET /referrals/{id}`' },
  listReferrals: { share: 15, label: '`GET /referrals?limit=50`' },
  alertCounts: { share: 20, label: '`GET /alerts/counts`' },
  reschedule: { share: 15, label: '`PATCH /referrals/{id}/appointments/{id}` (reschedule, `If-Match`)' },
  offence: { share: 10, label: '`POST /referrals/{id}/offences` (DIVERT case)' },
  sweep: { share: 5, label: '`POST /_local/sweep`' },
} as const;

export type Operation = keyof typeof OPERATIONS;

/** A DIVERT case an offence can be recorded on, and the dates an offence may have. */
export interface OffenceTarget {
  referralId: string;
  /** Offence dates cycle over these (after the referral, not after today). */
  offendedOn: string[];
}

/** What the load generator fires, step by step, and when it stops. */
export interface MixedLoadSpec {
  /** `http://127.0.0.1:<port>`: the API is under `/api`. */
  origin: string;
  token: string;
  /** Concurrent closed-loop clients of each step, in order. */
  steps: number[];
  stepSeconds: number;
  /** Before the first step, at its concurrency, discarded. */
  warmupSeconds: number;
  /** The knee: the first step whose p99 is above this, or that has any error. */
  p99LimitMs: number;
  referralIds: string[];
  appointments: AppointmentTarget[];
  offences: OffenceTarget[];
}

/** Latency of one operation (or of all) in one step, in ms, successful requests only. */
export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
}

/** One step: its concurrency, rate, latency, and what failed. */
export interface StepResult extends LatencySummary {
  concurrency: number;
  durationSeconds: number;
  perSecond: number;
  /** Non-2xx answers by status, and `socket`/`timeout` for requests that got none. */
  failures: Record<string, number>;
  /** Writes that found every case of their pool in flight and read a case instead. */
  fallbacks: number;
  byOperation: Partial<Record<Operation, LatencySummary>>;
}

/** True when a step is past the knee: p99 over the limit, or any error. */
export const pastKnee = (step: StepResult, p99LimitMs: number): boolean =>
  step.errors > 0 || !(step.p99 <= p99LimitMs);

type ChildMessage = { kind: 'step'; step: StepResult } | { kind: 'done' } | { kind: 'failed'; error: string };

const CHILD = fileURLToPath(new URL('./mixed-load-child.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Runs the stepped mixed load in a child process (so the generator does not share the event
 * loop of the gateway and handlers it measures); answers every step it ran, the knee last.
 */
export function runMixedLoad(spec: MixedLoadSpec, onStep: (step: StepResult) => void): Promise<StepResult[]> {
  // Each step may run over by its slowest request (10 s at most); then some time to start.
  const limitMs = (spec.warmupSeconds + spec.steps.length * (spec.stepSeconds + 10) + 30) * 1000;
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], { cwd: REPO_ROOT, execArgv: ['--import', 'tsx'] });
    const steps: StepResult[] = [];
    let settled = false;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill();
      if (error) reject(error);
      else resolve(steps);
    };
    const timer = setTimeout(() => finish(new Error(`the mixed load ran past ${limitMs} ms`)), limitMs);
    child.on('message', (message: ChildMessage) => {
      if (message.kind === 'step') {
        steps.push(message.step);
        onStep(message.step);
      } else if (message.kind === 'done') finish();
      else finish(new Error(`mixed load generator: ${message.error}`));
    });
    child.once('error', (error) => finish(error));
    child.once('exit', (code) =>
      finish(new Error(`the mixed load generator exited with ${code} before it finished`)),
    );
    child.send(spec);
  });
}

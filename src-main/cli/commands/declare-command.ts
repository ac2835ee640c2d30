// `incident-tray declare`: the declare flow headless, with the JSON shape of DESIGN.md §5. It waits
// for every step to answer (within the retry policy's bound) and exits 1 when one failed.
import type { DeclareProgress, DeclareStepState } from '../../../src-shared/domain.js';
import { DeclareInputError } from '../../core/declare/declare-service.js';
import { EXIT_OK, EXIT_STEP_FAILED, UsageError, type CliContext } from '../cli-context.js';

export interface DeclareOptions {
  title?: string;
  severity?: string;
  service?: string;
  description?: string;
  json?: boolean;
}

export const STEP_LABELS: Record<DeclareStepState['step'], string> = {
  'slack.channel': 'Slack channel',
  'slack.headline': 'Slack headline',
  'slack.digest': 'Slack digest post',
  pagerduty: 'PagerDuty',
  hub: 'Incident record',
};

/** The statuses of DESIGN.md §5: a step still pending or running when the command ends did not get done. */
type ReportedStatus = 'done' | 'failed' | 'skipped' | 'not-configured';

export interface ReportedStep {
  step: DeclareStepState['step'];
  status: ReportedStatus;
  url?: string;
  error?: string;
}

export function reportStep(step: DeclareStepState): ReportedStep {
  const unfinished = step.status === 'pending' || step.status === 'running';
  const status: ReportedStatus = unfinished ? 'failed' : (step.status as ReportedStatus);
  const reason = unfinished ? 'not finished: another incident-tray process is working on it' : step.error;
  const error = status === 'failed' ? [reason, step.manualFallback ? `By hand meanwhile: ${step.manualFallback}` : undefined].filter(Boolean).join('. ') : undefined;
  return { step: step.step, status, ...(step.url ? { url: step.url } : {}), ...(error ? { error } : {}) };
}

export function formatDeclare(progress: DeclareProgress): string[] {
  const lines = [`declared ${progress.name} (${progress.id})`];
  for (const step of progress.steps) {
    const reported = reportStep(step);
    lines.push(`  ${STEP_LABELS[step.step].padEnd(18)} ${reported.status}${step.url ? `  ${step.url}` : ''}`);
    if (step.error && reported.status === 'failed') lines.push(`    error: ${step.error}`);
    if (step.manualFallback && reported.status === 'failed') lines.push(`    by hand meanwhile: ${step.manualFallback}`);
  }
  if (!progress.finished) lines.push(`  unfinished steps stay in the outbox: \`incident-tray retry ${progress.id}\` runs them again (the app also does, by itself)`);
  return lines;
}

export const declareJson = (progress: DeclareProgress) => ({ id: progress.id, name: progress.name, steps: progress.steps.map(reportStep) });

export async function runDeclare(context: CliContext, options: DeclareOptions): Promise<number> {
  const input = {
    title: options.title ?? '',
    severity: options.severity?.toUpperCase() ?? '',
    ...(options.service !== undefined ? { service: options.service } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  };
  const core = await context.core();
  let started: DeclareProgress;
  try {
    started = await core.declare(input);
  } catch (error) {
    if (error instanceof DeclareInputError) throw new UsageError(`cannot declare: ${error.message}`);
    throw error;
  }
  const result = (await core.runDeclare(started.id)) ?? started;
  if (options.json) context.io.out(JSON.stringify(declareJson(result)));
  else for (const line of formatDeclare(result)) context.io.out(line);
  return result.steps.some((s) => reportStep(s).status === 'failed') ? EXIT_STEP_FAILED : EXIT_OK;
}

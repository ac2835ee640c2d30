// `incident-tray declare`: the declare flow headless, with the JSON shape of DESIGN.md §5.
import type { DeclareResult, DeclareStepState } from '../../../src-shared/domain.js';
import { DeclareInputError } from '../../core/declare/declare-service.js';
import { EXIT_OK, EXIT_STEP_FAILED, UsageError, type CliContext } from '../cli-context.js';

export interface DeclareOptions {
  title?: string;
  severity?: string;
  service?: string;
  description?: string;
  json?: boolean;
}

const STEP_LABELS: Record<DeclareStepState['step'], string> = {
  'slack.channel': 'Slack channel',
  'slack.headline': 'Slack headline',
  'slack.digest': 'Slack digest post',
  pagerduty: 'PagerDuty',
  hub: 'Incident record',
};

export function formatDeclareResult(result: DeclareResult): string[] {
  const lines = [`declared ${result.name} (${result.id})`];
  for (const step of result.steps) {
    lines.push(`  ${STEP_LABELS[step.step].padEnd(18)} ${step.status}${step.url ? `  ${step.url}` : ''}`);
    if (step.error) lines.push(`    error: ${step.error}`);
    if (step.manualFallback) lines.push(`    by hand meanwhile: ${step.manualFallback}`);
  }
  return lines;
}

export function runDeclare(context: CliContext, options: DeclareOptions): number {
  const input = {
    title: options.title ?? '',
    severity: options.severity?.toUpperCase() ?? '',
    ...(options.service !== undefined ? { service: options.service } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  };
  let result: DeclareResult;
  try {
    result = context.core().declare(input);
  } catch (error) {
    if (error instanceof DeclareInputError) throw new UsageError(`cannot declare: ${error.message}`);
    throw error;
  }
  if (options.json) {
    context.io.out(JSON.stringify({ id: result.id, name: result.name, steps: result.steps.map(({ manualFallback: _m, ...s }) => s) }));
  } else {
    for (const line of formatDeclareResult(result)) context.io.out(line);
  }
  return result.steps.some((s) => s.status === 'failed') ? EXIT_STEP_FAILED : EXIT_OK;
}

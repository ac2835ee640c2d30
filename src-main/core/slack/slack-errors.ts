// @slack/web-api's errors, classified into StepErrors with a message that names what to fix.
// The error codes from their own small module: classifying must not load the whole Web API client.
import { ErrorCode, type WebAPICallError } from '@slack/web-api/dist/errors.js';
import { StepError } from '../retry/step-error.js';

/** Slack `error` codes that mean the token is the problem (a person must change the setting). */
const AUTH_ERRORS = new Set(['not_authed', 'invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'missing_scope', 'no_permission', 'not_allowed_token_type', 'ekm_access_denied']);

const isCallError = (error: unknown): error is WebAPICallError => {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('slack_webapi_');
};

export function slackStepError(method: string, error: unknown): StepError {
  if (!isCallError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return new StepError('bad-response', `Slack ${method} answered something that is not the Slack API: ${message}`);
  }
  switch (error.code) {
    case ErrorCode.PlatformError: {
      const code = error.data.error;
      if (AUTH_ERRORS.has(code)) {
        const needed = (error.data as { needed?: string }).needed;
        return new StepError('auth', `Slack refused the token (${code}${needed ? `, needs scope ${needed}` : ''}): update the Slack token in Settings`, undefined, code);
      }
      if (code === 'ratelimited') return new StepError('rate-limited', `Slack ${method} is rate limited`, 1000, code);
      if (code === 'fatal_error' || code === 'internal_error' || code === 'service_unavailable' || code === 'request_timeout') {
        return new StepError('server', `Slack ${method} failed on Slack's side (${code})`, undefined, code);
      }
      return new StepError('rejected', `Slack ${method} refused: ${code}`, undefined, code);
    }
    case ErrorCode.RateLimitedError:
      return new StepError('rate-limited', `Slack ${method} is rate limited; retry after ${error.retryAfter}s`, error.retryAfter * 1000, 'ratelimited');
    case ErrorCode.HTTPError:
      if (error.statusCode === 429) return new StepError('rate-limited', `Slack ${method} is rate limited`, 1000);
      if (error.statusCode >= 500) return new StepError('server', `Slack ${method} failed with HTTP ${error.statusCode}`);
      if (error.statusCode === 401 || error.statusCode === 403) return new StepError('auth', `Slack refused the token (HTTP ${error.statusCode}): update the Slack token in Settings`);
      return new StepError('rejected', `Slack ${method} answered HTTP ${error.statusCode}`);
    case ErrorCode.RequestError: {
      const original = error.original as Error & { code?: string };
      const timedOut = original.code === 'ECONNABORTED' || /timeout/i.test(original.message);
      if (timedOut) return new StepError('timeout', `Slack ${method} did not answer in time`);
      if (original instanceof SyntaxError || /JSON/i.test(original.message)) {
        return new StepError('bad-response', `Slack ${method} answered with something that is not JSON`);
      }
      return new StepError('network', `could not reach Slack for ${method}: ${original.message}`);
    }
    default:
      return new StepError('bad-response', `Slack ${method} failed: ${(error as Error).message}`);
  }
}

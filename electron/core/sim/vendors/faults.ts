import type { Ctx } from '../http/context';
import type { FaultKind } from '../http/faults';
import { anthropicError, openaiError, type Reply } from '../http/reply';

/** The bodies injected faults carry, per vendor. */

const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/** A proxy 502 is HTML, not JSON: clients must not assume a JSON body on 5xx. */
function badGateway(): Reply {
  return { status: 502, headers: {}, raw: { contentType: 'text/html', chunks: [Buffer.from(BAD_GATEWAY_HTML, 'utf8')] } };
}

export function anthropicFault(ctx: Ctx, kind: FaultKind, rateMessage: string): Reply {
  const e = (status: number, type: string, message: string, headers: Record<string, string> = {}): Reply => anthropicError(status, type, message, ctx.requestId, ctx.world.config.errorEnvelope, headers);
  switch (kind) {
    case '429':
      return e(429, 'rate_limit_error', rateMessage, { 'retry-after': '2' });
    case '429_no_retry_after':
      return e(429, 'rate_limit_error', rateMessage);
    case '500':
      return e(500, 'api_error', 'Internal server error');
    case '500_no_retry':
      // deterministic failure: x-should-retry false means "do not retry"
      return e(500, 'api_error', 'Internal server error', { 'x-should-retry': 'false' });
    case '502':
      return badGateway();
    case '503':
      return e(503, 'overloaded_error', 'Service temporarily unavailable. Try again shortly.');
    case '504':
      return e(504, 'timeout_error', 'Request timed out.');
    default:
      return e(529, 'overloaded_error', 'Overloaded');
  }
}

export function openaiFault(kind: FaultKind): Reply {
  switch (kind) {
    case '429':
      return openaiError(429, 'Rate limit reached for requests. Please try again in 2s.', 'rate_limit_error', null, 'rate_limit_exceeded', { 'retry-after': '2' });
    case '429_no_retry_after':
      return openaiError(429, 'You exceeded your current quota, please check your plan and billing details.', 'insufficient_quota', null, 'insufficient_quota');
    case '500':
      return openaiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error');
    case '500_no_retry':
      return openaiError(500, 'The server had an error while processing your request. Sorry about that!', 'server_error', null, null, { 'x-should-retry': 'false' });
    case '502':
      return badGateway();
    case '503':
      return openaiError(503, 'The engine is currently overloaded, please try again later.', 'service_unavailable_error', null, 'server_is_overloaded');
    case '504':
      return openaiError(504, 'Gateway timeout.', 'server_error', null, 'timeout');
    default:
      return openaiError(529, 'The server is overloaded.', 'server_error', null, 'server_is_overloaded');
  }
}

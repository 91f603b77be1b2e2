import type { AnthropicAdminClient, CostBucket, OpenAIAdminClient, OpenAICostBucket, UsageBucket } from '../../sources';
import type { BucketReportSpec } from './buckets';

/** The three bucket reports Ogma Desk captures, as specs for captureBuckets. */

const BUCKETS_PER_PAGE = 31;

function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function anthropicUsage(client: AnthropicAdminClient): BucketReportSpec<UsageBucket> {
  return {
    endpoint: 'admin.usage_report',
    slot: 'anthropic-admin',
    report: 'anthropic.usage',
    recordType: 'usage_captured',
    counter: 'usageBuckets',
    walk: (startMs, from, signal) =>
      client.walkUsageReport({ startingAt: rfc3339(startMs), bucketWidth: '1d', groupBy: ['model', 'api_key_id', 'workspace_id', 'service_tier'], limit: BUCKETS_PER_PAGE, ...(from ? { from } : {}), signal }),
    bounds: (b) => ({ start: b.starting_at, end: b.ending_at }),
    results: (b) => b.results,
  };
}

export function anthropicCost(client: AnthropicAdminClient): BucketReportSpec<CostBucket> {
  return {
    endpoint: 'admin.cost_report',
    slot: 'anthropic-admin',
    report: 'anthropic.cost',
    recordType: 'cost_captured',
    counter: 'costBuckets',
    walk: (startMs, from, signal) =>
      client.walkCostReport({ startingAt: rfc3339(startMs), bucketWidth: '1d', groupBy: ['workspace_id', 'description'], limit: BUCKETS_PER_PAGE, ...(from ? { from } : {}), signal }),
    bounds: (b) => ({ start: b.starting_at, end: b.ending_at }),
    results: (b) => b.results,
  };
}

export function openaiCosts(client: OpenAIAdminClient): BucketReportSpec<OpenAICostBucket> {
  return {
    endpoint: 'openai.costs',
    slot: 'openai',
    report: 'openai.costs',
    recordType: 'cost_captured',
    counter: 'costBuckets',
    walk: (startMs, from, signal) =>
      client.walkCosts({ startTime: Math.floor(startMs / 1000), groupBy: ['project_id', 'line_item'], limit: BUCKETS_PER_PAGE, ...(from ? { from } : {}), signal }),
    bounds: (b) => ({ start: rfc3339(b.start_time * 1000), end: rfc3339(b.end_time * 1000) }),
    results: (b) => b.results,
  };
}

import { z } from 'zod';
import { isDecimalString, numberToDecimalText } from './money';

/** zod schemas for the Anthropic Admin API objects Ogma Desk reads (usage, cost, members). */

const optStr = z.string().nullish();
const optNum = z.number().nullish();

export const OrgMe = z.looseObject({ id: z.string(), type: optStr, name: optStr });
export type OrgMe = z.infer<typeof OrgMe>;

export const UsageResult = z.looseObject({
  uncached_input_tokens: optNum,
  cache_creation: z.looseObject({ ephemeral_1h_input_tokens: optNum, ephemeral_5m_input_tokens: optNum }).nullish(),
  cache_read_input_tokens: optNum,
  output_tokens: optNum,
  server_tool_use: z.looseObject({ web_search_requests: optNum }).nullish(),
  /** Grouping dimensions: null unless grouped by them (and null in documented other cases). */
  model: optStr,
  api_key_id: optStr,
  workspace_id: optStr,
  account_id: optStr,
  service_account_id: optStr,
  service_tier: optStr,
  context_window: optStr,
  inference_geo: optStr,
});
export type UsageResult = z.infer<typeof UsageResult>;

/**
 * Cents as a decimal string ("123.78912" = 123.78912 cents). Kept as text; a number
 * (not documented) is turned into its decimal text rather than refused.
 */
export const CentsAmount = z.union([
  z.string().refine(isDecimalString, { message: 'amount must be a decimal string' }),
  z.number().transform(numberToDecimalText),
]);

export const CostResult = z.looseObject({
  amount: CentsAmount,
  currency: optStr,
  description: optStr,
  cost_type: optStr,
  token_type: optStr,
  model: optStr,
  service_tier: optStr,
  context_window: optStr,
  inference_geo: optStr,
  workspace_id: optStr,
});
export type CostResult = z.infer<typeof CostResult>;

export const Bucket = <T extends z.ZodType>(result: T) =>
  z.looseObject({ starting_at: z.string(), ending_at: z.string(), results: z.array(result) });

export type UsageBucket = { starting_at: string; ending_at: string; results: UsageResult[] };
export type CostBucket = { starting_at: string; ending_at: string; results: CostResult[] };

export const AdminUser = z.looseObject({
  type: optStr,
  id: z.string(),
  email: optStr,
  name: optStr,
  role: optStr,
  added_at: optStr,
});
export type AdminUser = z.infer<typeof AdminUser>;

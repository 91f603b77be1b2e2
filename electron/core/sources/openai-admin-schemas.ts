import { z } from 'zod';
import { dollarsToMicros } from './money';

/** zod schemas for the OpenAI organisation Admin API objects Ogma Desk reads. */

const optStr = z.string().nullish();
const optNum = z.number().nullish();

/**
 * `amount.value` is a float in dollars. Kept as sent (`value`) plus its decimal text and
 * integer micro-dollars, derived by string arithmetic so they never drift.
 */
export const OpenAIAmount = z
  .looseObject({ value: z.number(), currency: z.string() })
  .transform((a) => {
    const { text, micros } = dollarsToMicros(a.value);
    return { ...a, value_text: text, micro_units: micros };
  });

export const OpenAICostResult = z.looseObject({
  object: optStr,
  amount: OpenAIAmount,
  line_item: optStr,
  project_id: optStr,
  api_key_id: optStr,
  quantity: optNum,
  quantity_unit: optStr,
});
export type OpenAICostResult = z.infer<typeof OpenAICostResult>;

export const OpenAICompletionsUsage = z.looseObject({
  object: optStr,
  input_tokens: optNum,
  input_cached_tokens: optNum,
  output_tokens: optNum,
  input_audio_tokens: optNum,
  output_audio_tokens: optNum,
  num_model_requests: optNum,
  project_id: optStr,
  user_id: optStr,
  api_key_id: optStr,
  model: optStr,
  batch: z.boolean().nullish(),
  service_tier: optStr,
});
export type OpenAICompletionsUsage = z.infer<typeof OpenAICompletionsUsage>;

export const OpenAIBucket = <T extends z.ZodType>(result: T) =>
  z.looseObject({ object: optStr, start_time: z.number(), end_time: z.number(), results: z.array(result) });

export const OpenAIUsagePage = <T extends z.ZodType>(item: T) =>
  z.looseObject({ object: optStr, data: z.array(item), has_more: z.boolean().optional(), next_page: z.string().nullish() });

export const OpenAIList = <T extends z.ZodType>(item: T) =>
  z.looseObject({ object: optStr, data: z.array(item), first_id: optStr, last_id: optStr, has_more: z.boolean() });

/** An audit event. Its payload sits under a key named after `type`, kept by the loose object. */
export const OpenAIAuditLog = z.looseObject({
  id: z.string(),
  type: z.string(),
  effective_at: z.number(),
  project: z.looseObject({ id: z.string(), name: optStr }).nullish(),
  /** `session` or `api_key` (open); may be null. */
  actor: z.looseObject({ type: z.string() }).nullish(),
});
export type OpenAIAuditLog = z.infer<typeof OpenAIAuditLog>;

export const OpenAIUser = z.looseObject({
  object: optStr,
  id: z.string(),
  name: optStr,
  email: optStr,
  role: optStr,
  added_at: optNum,
});
export type OpenAIUser = z.infer<typeof OpenAIUser>;

export const OpenAIProject = z.looseObject({
  object: optStr,
  id: z.string(),
  name: optStr,
  created_at: optNum,
  archived_at: optNum,
  status: optStr,
});
export type OpenAIProject = z.infer<typeof OpenAIProject>;

export type OpenAICostBucket = { start_time: number; end_time: number; results: OpenAICostResult[] };
export type OpenAIUsageBucket = { start_time: number; end_time: number; results: OpenAICompletionsUsage[] };

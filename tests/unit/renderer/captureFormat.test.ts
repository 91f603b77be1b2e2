import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatRate,
  messageSegments,
  placeConnectFailure,
  scheduleOptions,
  scheduleValue,
  skipReasonLabel,
  skippedTotal,
  slotInfo,
  SLOTS,
} from '../../../renderer/integrations/captureFormat';
import { reviewStepText } from '../../../renderer/surfaces/captureSteps';

const counts = {
  orgs: 2, users: 10, chatsSeen: 40, chatsNew: 40, chatsSoftDeleted: 4, chatsGone: 0,
  messagesSeen: 320, messagesCaptured: 234, messagesSuperseded: 0, messagesUnchanged: 0,
  messagesSkipped: { 'tool-only': 14, 'attachments-only': 40, 'deleted-chat': 32 },
  activities: 196, usageBuckets: 268, costBuckets: 639, auditEvents: 77,
};

describe('key slots', () => {
  it('names each vendor key with its prefix and where it is made', () => {
    expect(SLOTS.map((s) => s.slot)).toEqual(['anthropic-compliance', 'anthropic-admin', 'openai']);
    expect(slotInfo('anthropic-compliance')).toMatchObject({ label: 'Anthropic Compliance Access Key', prefix: 'sk-ant-api01-' });
    expect(slotInfo('anthropic-admin').prefix).toBe('sk-ant-admin01-');
    expect(slotInfo('openai').prefix).toBe('sk-admin-');
    for (const s of SLOTS) expect(s.madeWhere.length).toBeGreaterThan(0);
  });
});

describe('schedule choices', () => {
  it('offers off, 15 min, hourly, 6 h and daily', () => {
    expect(scheduleOptions(null).map((o) => o.minutes)).toEqual([null, 15, 60, 360, 1440]);
    expect(scheduleValue(null)).toBe('off');
    expect(scheduleValue(60)).toBe('60');
  });

  it('keeps a schedule set elsewhere visible instead of showing it as off', () => {
    const options = scheduleOptions(45);
    expect(options.at(-1)).toEqual({ value: '45', label: 'Every 45 minutes', minutes: 45 });
    expect(scheduleOptions(360)).toHaveLength(5);
  });
});

describe('numbers', () => {
  it('words durations for people', () => {
    expect(formatDuration(420)).toBe('0.4 s');
    expect(formatDuration(4210)).toBe('4.2 s');
    expect(formatDuration(42_000)).toBe('42 s');
    expect(formatDuration(192_000)).toBe('3 min 12 s');
    expect(formatDuration(3_840_000)).toBe('1 h 4 min');
    expect(formatDuration(-1)).toBe('–');
  });

  it('words rates, and says nothing when there is none', () => {
    expect(formatRate(null)).toBeNull();
    expect(formatRate(0)).toBeNull();
    expect(formatRate(3.14)).toBe('3.1/s');
    expect(formatRate(57.6)).toBe('58/s');
  });

  it('labels skip reasons and totals them', () => {
    expect(skipReasonLabel('attachments-only')).toBe('Attachments only');
    expect(skippedTotal(counts)).toBe(86);
  });

  it('splits the messages a pull saw into chart segments, biggest skip reason first, empty ones dropped', () => {
    expect(messageSegments(counts).map((s) => [s.key, s.value])).toEqual([
      ['captured', 234],
      ['skipped:attachments-only', 40],
      ['skipped:deleted-chat', 32],
      ['skipped:tool-only', 14],
    ]);
    expect(messageSegments({ ...counts, messagesCaptured: 0, messagesSkipped: {} })).toEqual([]);
  });
});

describe('where a failed connect is shown', () => {
  it('puts a rejected key next to the key field, verbatim, although the service names the slot', () => {
    const message = 'This is a Claude API key (sk-ant-api03-, …-abc): it cannot read compliance data.';
    expect(placeConnectFailure({ code: 'KEY_REJECTED', message, field: 'anthropic-compliance' })).toEqual({ field: 'key', message });
    expect(placeConnectFailure({ code: 'UPSTREAM', message: 'The vendor could not be reached.' }).field).toBe('key');
  });

  it('puts validation failures next to their field', () => {
    expect(
      placeConnectFailure({ code: 'VALIDATION_FAILED', message: 'Invalid request to integrations.connect: field "baseUrl": Give the vendor address as a full URL', field: 'baseUrl' }),
    ).toEqual({ field: 'baseUrl', message: 'Give the vendor address as a full URL' });
    expect(placeConnectFailure({ code: 'NOT_FOUND', message: 'No tenant', field: 'tenant' }).field).toBe('tenantId');
  });

  it('leaves the rest to a form alert', () => {
    expect(placeConnectFailure({ code: 'FORBIDDEN', message: 'Only an admin can connect keys.' }).field).toBeNull();
  });
});

describe('the Review step of the Workspace surface', () => {
  const pull = { counts };
  it('says how many messages the last pull captured, when known', () => {
    expect(reviewStepText(null, 0)).toBeNull();
    expect(reviewStepText([], 0)).toBeNull();
    expect(reviewStepText([pull], 0)).toMatch(/^234 messages captured by the last pull/);
    expect(reviewStepText([{ ...pull, counts: { ...counts, messagesCaptured: 0 } }], 0)).toMatch(/found no new messages \(320 messages seen\)/);
    expect(reviewStepText([pull], 1)).toMatch(/A pull is running/);
  });
});

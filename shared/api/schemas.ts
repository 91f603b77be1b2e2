import { z } from 'zod';

/** Building blocks shared by several calls of the contract. */

export const Role = z.enum(['admin', 'viewer']);
export type Role = z.infer<typeof Role>;

export const Id = z.string().min(1).max(200);

/** An absolute or relative folder path on the machine that runs the services. */
export const FolderPath = z.string().trim().min(1, 'Choose a folder for the workspace.').max(4096);

export const Passphrase = z
  .string()
  .min(12, 'Use a passphrase of at least 12 characters: it protects every key in the workspace.')
  .max(1024);

export const MemberName = z.string().trim().min(1, 'Give the member a name.').max(100);

export const IsoTime = z.string().datetime({ offset: true });

export const Member = z.object({ id: Id, name: z.string(), role: Role });
export type Member = z.infer<typeof Member>;

export const WorkspaceSummary = z.object({
  path: z.string(),
  name: z.string(),
  id: Id,
  member: Member,
  isDemo: z.boolean(),
  tenants: z.number().int().nonnegative(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

export const RecentWorkspace = z.object({
  path: z.string(),
  name: z.string(),
  lastOpenedAt: IsoTime,
  isDemo: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

export const ChainProblem = z.object({
  seq: z.number().int(),
  code: z.string(),
  message: z.string(),
  affects: z.string(),
  path: z.string().optional(),
  messageId: z.string().optional(),
});

/** The outcome of verifying one tenant's log (or the workspace's own log). */
export const TenantVerdict = z.object({
  tenantId: z.string(),
  ok: z.boolean(),
  mode: z.enum(['full', 'incremental']),
  fromSeq: z.number().int().nonnegative(),
  size: z.number().int().nonnegative(),
  root: z.string().nullable(),
  checkpointsVerified: z.number().int().nonnegative(),
  messagesChecked: z.number().int().nonnegative(),
  problem: ChainProblem.nullable(),
});
export type TenantVerdict = z.infer<typeof TenantVerdict>;

export const VerifyReport = z.object({
  ok: z.boolean(),
  mode: z.enum(['full', 'incremental']),
  tenants: z.array(TenantVerdict),
  /** Problems with the workspace folder itself (a missing head file, a damaged database). */
  workspace: z.array(z.object({ code: z.string(), message: z.string(), path: z.string() })),
});
export type VerifyReport = z.infer<typeof VerifyReport>;

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
});

export const ChainVerdict = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    tenant: z.string(),
    size: z.number().int().nonnegative(),
    root: z.string(),
    checkpointsVerified: z.number().int().nonnegative(),
  }),
  z.object({
    ok: z.literal(false),
    tenant: z.string(),
    verifiedUpTo: z.number().int().nonnegative(),
    problem: ChainProblem,
  }),
]);
export type ChainVerdictDto = z.infer<typeof ChainVerdict>;

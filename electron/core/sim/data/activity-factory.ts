import { stableId } from '../random/ids';
import { Rng } from '../random/prng';
import type { ActivityRecord } from '../model/activity-log';
import type { Org, User } from '../model/entities';
import { USER_AGENTS } from './names';
import { ipv4 } from './pii';

/**
 * Builds Activity Feed rows with the documented actor union (reference §5.3). Rows get
 * ids from a running counter under a namespace, so build order fixes them per seed.
 */
export class ActivityFactory {
  private n = 0;
  private readonly userActors = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly seed: string,
    private readonly namespace: string,
  ) {}

  nextId(): string {
    return stableId(this.seed, 'activity_', `${this.namespace}:${this.n++}`);
  }

  /** One shared actor object per user (same ip/agent each time keeps memory flat). */
  userActor(user: User): Record<string, unknown> {
    let actor = this.userActors.get(user.id);
    if (!actor) {
      const r = new Rng(`${this.seed}|actor|${user.id}`);
      actor = { type: 'user_actor', email_address: user.email, user_id: user.id, ip_address: ipv4(r), user_agent: r.pick(USER_AGENTS) };
      this.userActors.set(user.id, actor);
    }
    return actor;
  }

  row(t: number, type: string, org: Org | null, actor: Record<string, unknown>, fields: Record<string, unknown> = {}, actorUserId: string | null = null): ActivityRecord {
    return {
      id: this.nextId(),
      t: Math.floor(t / 1000) * 1000,
      type,
      orgUuid: org ? org.uuid : null,
      orgId: org ? org.id : null,
      actor,
      actorUserId: actorUserId ?? (typeof actor.user_id === 'string' ? actor.user_id : null),
      fields,
    };
  }

  byUser(t: number, type: string, org: Org | null, user: User, fields: Record<string, unknown> = {}): ActivityRecord {
    return this.row(t, type, org, this.userActor(user), fields, user.id);
  }
}

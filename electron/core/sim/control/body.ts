import type { Ctx } from '../http/context';
import { InputError } from '../http/reply';

/** Control-route request bodies: a JSON object, read field by field with checks. */
export class Body {
  private constructor(private readonly obj: Record<string, unknown>) {}

  static of(ctx: Ctx): Body {
    if (ctx.rawBody.trim() === '') return new Body({});
    let v: unknown;
    try {
      v = JSON.parse(ctx.rawBody);
    } catch {
      throw new InputError('The request body is not valid JSON.');
    }
    if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new InputError('The request body must be a JSON object.');
    return new Body(v as Record<string, unknown>);
  }

  object(): Record<string, unknown> {
    return this.obj;
  }

  raw(name: string): unknown {
    return this.obj[name];
  }

  str(name: string): string | undefined {
    const v = this.obj[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'string') throw new InputError(`\`${name}\` must be a string.`, name);
    return v;
  }

  reqStr(name: string): string {
    const v = this.str(name);
    if (v === undefined) throw new InputError(`\`${name}\` is required.`, name);
    return v;
  }

  num(name: string): number | undefined {
    const v = this.obj[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`\`${name}\` must be a number.`, name);
    return v;
  }

  bool(name: string): boolean | undefined {
    const v = this.obj[name];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw new InputError(`\`${name}\` must be true or false.`, name);
    return v;
  }

  strList(name: string): string[] | undefined {
    const v = this.obj[name];
    if (v === undefined || v === null) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new InputError(`\`${name}\` must be a list of strings.`, name);
    return v as string[];
  }
}

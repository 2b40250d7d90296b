// The model-based sync test's vocabulary: random world changes (every quirk the emulator has)
// interleaved with incremental and full syncs, and how one step is applied to the emulator.
import fc from "fast-check";
import { worldChanges, type WorldChange } from "@/emulator/world/account-events";
import type { EmulatorHandle } from "@/emulator/server";

export type Step =
  | { kind: "advance"; minutes: number }
  | { kind: "change"; change: WorldChange; account: number; pick: number }
  | { kind: "sync"; full: boolean };

const advance = fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 60, max: 4 * 1440 })).map((minutes): Step => ({ kind: "advance", minutes }));
// Terminations (a change stamped "now", the one a late watermark would skip) weigh as much as the rest.
const kinds = fc.oneof(fc.constantFrom(...worldChanges), fc.constant("terminateResource" as const));
const change = fc
  .record({ change: kinds, account: fc.nat(), pick: fc.nat({ max: 50 }) })
  .map((c): Step => ({ kind: "change", ...c }));
// Mostly incremental: that is where missed changes would show (a full listing repairs anything).
const sync = fc.integer({ min: 0, max: 4 }).map((n): Step => ({ kind: "sync", full: n === 0 }));

/** A sequence that always ends with an incremental then a full sync. */
export const steps = fc
  .array(fc.oneof({ weight: 3, arbitrary: advance }, { weight: 3, arbitrary: change }, { weight: 3, arbitrary: sync }), { minLength: 3, maxLength: 9 })
  .map((s): Step[] => [...s, { kind: "sync", full: false }, { kind: "sync", full: true }]);

/** Applies a world step; the members (admin excepted) are addressed by index. */
export async function applyWorldStep(emu: EmulatorHandle, s: Exclude<Step, { kind: "sync" }>): Promise<void> {
  if (s.kind === "advance") return emu.advance(s.minutes / 1440);
  const members = emu.accountIds().filter((id) => id !== emu.adminAccountId);
  emu.change(s.change, members[s.account % members.length], s.pick);
}

export const describeStep = (s: Step) =>
  s.kind === "advance" ? `advance ${s.minutes} min` : s.kind === "change" ? `${s.change}(#${s.account}, ${s.pick})` : s.full ? "full sync" : "sync";

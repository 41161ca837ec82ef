import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/** Who holds a lock row: this process's id and the machine it runs on (host name plus boot id). */
export interface LockHolder {
  pid: number;
  /** `hostname/boot-id`, or null where the boot id cannot be read (then liveness is never assumed away). */
  machine: string | null;
}

/** This process as a lock holder. The boot id tells a pid of this boot from one of before a reboot. */
export function currentLockHolder(): LockHolder {
  let bootId: string | null = null;
  try {
    bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
  } catch {
    bootId = null;
  }
  return { pid: process.pid, machine: bootId ? `${hostname()}/${bootId}` : null };
}

/**
 * Whether a lock row's holder is provably dead: it ran on this machine in this boot, is not this process, and no
 * process with its id exists any more. Anything unproven (another machine, no boot id, a live or reused pid)
 * counts as alive, and the lock then frees when its lease runs out.
 */
export function holderIsDead(
  me: LockHolder,
  holder: { pid: number | null; machine: string | null },
): boolean {
  if (me.machine === null || holder.machine !== me.machine || holder.pid === null) return false;
  if (holder.pid === me.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

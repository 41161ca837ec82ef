/** The billing plans the seed names. Hosts may add their own ids through a custom plan table. */
export type PlanId = "free" | "starter" | "professional" | "enterprise" | (string & {});

/** What a plan allows. */
export interface PlanRules {
  /** Display name, e.g. "Professional". */
  name: string;
  /** Whether the Interface Hub is available on this plan. */
  interfaceHub: boolean;
  /** The shortest sync interval allowed, in minutes. */
  minIntervalMinutes: number;
}

/** A table of plans by id; a host passes its own to widen or change the defaults. */
export type PlanTable = Readonly<Record<string, PlanRules>>;

/** The longest sync interval any plan allows: 2 weeks, in minutes. */
export const MAX_INTERVAL_MINUTES = 14 * 24 * 60;

/**
 * The seed's plans: minimum intervals Free 24 h, Starter 4 h, Professional 1 h, Enterprise 30 min; the
 * Interface Hub on Professional and Enterprise (a host can widen it with its own table).
 */
export const DEFAULT_PLANS: PlanTable = Object.freeze({
  free: { name: "Free", interfaceHub: false, minIntervalMinutes: 24 * 60 },
  starter: { name: "Starter", interfaceHub: false, minIntervalMinutes: 4 * 60 },
  professional: { name: "Professional", interfaceHub: true, minIntervalMinutes: 60 },
  enterprise: { name: "Enterprise", interfaceHub: true, minIntervalMinutes: 30 },
});

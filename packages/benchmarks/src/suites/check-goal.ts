import type { GoalCheck } from "./suite";

const OPERATOR = { atLeast: ">=", atMost: "<=", below: "<" } as const;

/**
 * Checks a figure against a goal: `atLeast` (figure >= limit), `atMost` (<=) or `below` (<), with the margin in
 * percent of the limit.
 */
export function checkGoal(
  goal: string,
  figure: number,
  limit: number,
  kind: "atLeast" | "atMost" | "below",
  unit: string,
): GoalCheck {
  const met = kind === "atLeast" ? figure >= limit : kind === "atMost" ? figure <= limit : figure < limit;
  const margin = ((figure - limit) / limit) * 100;
  const sign = margin >= 0 ? "+" : "";
  const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString("en-US") : v.toFixed(2));
  return {
    goal,
    met,
    detail: `${fmt(figure)} ${unit} (goal ${OPERATOR[kind]} ${fmt(limit)} ${unit}, ${sign}${margin.toFixed(0)}%)`,
  };
}

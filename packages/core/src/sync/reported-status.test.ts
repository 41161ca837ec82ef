import { describe, expect, it } from "vitest";
import type { UserCandidate } from "../reconcile/user-candidate";
import { reportedStatus } from "./reported-status";

const candidate = (externalId: string, active: boolean | undefined, failed = false): UserCandidate => ({
  externalId,
  email: `${externalId}@x.io`,
  displayName: null,
  active,
  attributes: {},
  createOnly: new Set(),
  warnings: [],
  ...(failed
    ? {
        failure: {
          externalId,
          kind: "user",
          field: "email",
          code: "RECORD_INVALID",
          message: "refused",
          severity: "error",
        },
      }
    : {}),
});

describe("reportedStatus", () => {
  const candidates = [
    candidate("a", true),
    candidate("b", undefined),
    candidate("c", false),
    candidate("d", true, true),
  ];
  const removals = [{ externalId: "r", reason: "deleted" as const }];

  it("reports present users active, disabled and removed ones inactive, failed ones not at all", () => {
    expect(reportedStatus(candidates, removals)).toEqual({
      reportedActive: ["a", "b"],
      reportedInactive: ["r", "c"],
    });
  });

  it("leaves the active ones unsaid when every link is new (a new link reports its user active)", () => {
    expect(reportedStatus(candidates, removals, true)).toEqual({
      reportedActive: [],
      reportedInactive: ["r", "c"],
    });
  });
});

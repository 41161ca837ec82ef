import { isUslimatoError, UslimatoError } from "@uslimato/core";
import { createGraphModel, SIMULATOR_ERROR_CODES, SimulatorError } from "@uslimato/simulators";
import { describe, expect, it } from "vitest";

describe("SimulatorError", () => {
  it("is a UslimatoError with a stable code from SIMULATOR_ERROR_CODES", () => {
    let error: unknown;
    try {
      createGraphModel({ users: -1 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulatorError);
    expect(error).toBeInstanceOf(UslimatoError);
    expect(isUslimatoError(error, "INVALID_OPTION")).toBe(true);
    expect((error as SimulatorError).name).toBe("SimulatorError");
    expect(SIMULATOR_ERROR_CODES).toContain((error as SimulatorError).code);
    expect((error as SimulatorError).toJSON()).toMatchObject({
      name: "SimulatorError",
      code: "INVALID_OPTION",
    });
  });

  it("keeps the cause", () => {
    const cause = new Error("underlying");
    expect(new SimulatorError("NOT_FOUND", "No user u1", { cause }).cause).toBe(cause);
  });
});

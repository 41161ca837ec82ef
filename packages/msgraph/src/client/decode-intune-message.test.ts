import { describe, expect, it } from "vitest";
import { decodeIntuneMessage } from "./decode-intune-message";

const activity = "0b0a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";
const frontEnd = JSON.stringify(
  {
    _version: 3,
    Message: `An error has occurred - Operation ID (for customer support): 00000000-0000-0000-0000-000000000000 - Activity ID: ${activity} - Url: https://fef.msua06.manage.microsoft.com/DeviceFE/StatelessDeviceFEService/deviceManagement/managedDevices?api-version=2024-01-25`,
    RetryAfter: null,
  },
  null,
  2,
).replace(/\n/g, "\r\n");

describe("decodeIntuneMessage", () => {
  it("reads the real error code and the activity id of a double-encoded 403", () => {
    const message = JSON.stringify({ ErrorCode: "Forbidden", Message: frontEnd, Target: null });
    expect(decodeIntuneMessage(message)).toEqual({
      errorCode: "Forbidden",
      message: expect.stringContaining("An error has occurred"),
      activityId: activity,
    });
  });

  it("reads the front end's document of a 429 directly", () => {
    expect(decodeIntuneMessage(frontEnd)).toEqual({
      message: expect.stringContaining(`Activity ID: ${activity}`),
      activityId: activity,
    });
  });

  it("leaves plain Graph messages alone", () => {
    expect(decodeIntuneMessage("Too many requests.")).toBeUndefined();
    expect(decodeIntuneMessage("{not json")).toBeUndefined();
    expect(decodeIntuneMessage(undefined)).toBeUndefined();
  });
});

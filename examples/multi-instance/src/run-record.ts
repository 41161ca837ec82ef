/** What a host process prints, one JSON object per line. */
export type HostEvent =
  | { event: "ready"; instance: string; pid: number }
  | {
      event: "run";
      instance: string;
      integrationId: string;
      slot: string;
      startedAt: number;
      finishedAt: number;
      status: string;
      failureCode: string | null;
    }
  | { event: "busy"; instance: string; integrationId: string; slot: string }
  | { event: "stopped"; instance: string };

/** One scheduled run a host process finished. */
export type RunRecord = Extract<HostEvent, { event: "run" }>;

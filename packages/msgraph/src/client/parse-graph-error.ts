import { z } from "zod";

const innerErrorSchema = z.looseObject({
  "request-id": z.string().optional(),
  requestId: z.string().optional(),
  "client-request-id": z.string().optional(),
  date: z.string().optional(),
});

const errorBodySchema = z.object({
  error: z.looseObject({
    code: z.string().optional(),
    message: z.string().optional(),
    innerError: innerErrorSchema.optional(),
  }),
});

/** What a Graph error body says, when it is one. */
export interface GraphErrorBody {
  code?: string;
  message?: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
}

/** Parses Graph's `{"error": {code, message, innerError}}` body; `undefined` for anything else. */
export function parseGraphError(text: string): GraphErrorBody | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { code, message, innerError } = parsed.data.error;
  return {
    code,
    message,
    requestId: innerError?.["request-id"] ?? innerError?.requestId,
    clientRequestId: innerError?.["client-request-id"],
    date: innerError?.date,
  };
}

import { z } from "zod";

/** One page of a Graph collection or delta query. */
export interface GraphPage<T = unknown> {
  value: T[];
  /** The absolute URL of the next page, as Graph gave it. */
  nextLink?: string;
  /** On the last page of a delta round: the link to store for the next round. */
  deltaLink?: string;
  /** `@odata.count`, when Graph announced the size of the listing (`$count=true`). */
  count?: number;
  requestId: string | undefined;
}

/** The shape every Graph collection page has; items are checked by the caller. */
export const graphPageSchema = z.looseObject({
  value: z.array(z.unknown()),
  "@odata.nextLink": z.string().optional(),
  "@odata.deltaLink": z.string().optional(),
  "@odata.count": z.number().int().nonnegative().optional(),
});

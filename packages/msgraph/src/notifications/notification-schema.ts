import { z } from "zod";

/** The lifecycle events Graph sends to `lifecycleNotificationUrl`. */
export const LIFECYCLE_EVENTS = ["reauthorizationRequired", "subscriptionRemoved", "missed"] as const;

/** One item of a change-notification or lifecycle-notification POST. */
export const graphNotificationSchema = z.looseObject({
  id: z.string().optional(),
  subscriptionId: z.string().min(1),
  subscriptionExpirationDateTime: z.string().optional(),
  clientState: z.string().optional(),
  changeType: z.string().optional(),
  resource: z.string().optional(),
  resourceData: z.looseObject({ id: z.string().optional() }).optional(),
  tenantId: z.string().min(1),
  lifecycleEvent: z.enum(LIFECYCLE_EVENTS).optional(),
  encryptedContent: z
    .looseObject({ data: z.string(), dataKey: z.string(), dataSignature: z.string() })
    .optional(),
});

/** The body Graph POSTs to a notification URL. */
export const notificationBodySchema = z.object({
  value: z.array(graphNotificationSchema),
  validationTokens: z.array(z.string()).optional(),
});

/** One change or lifecycle notification as Graph sent it (with `clientState` removed once checked). */
export type GraphNotification = {
  [K in keyof z.infer<typeof graphNotificationSchema> as K extends "clientState" ? never : K]: z.infer<
    typeof graphNotificationSchema
  >[K];
};

/** A lifecycle event name. */
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

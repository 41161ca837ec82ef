/** A change-notification subscription held by the simulator. */
export interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expirationDateTime: string;
  applicationId: string;
}

/** One POST the simulator made to a notification or lifecycle URL. */
export interface NotificationDelivery {
  url: string;
  kind: "validation" | "notification" | "lifecycle";
  /** HTTP status answered, or 0 when the receiver could not be reached. */
  status: number;
  body: string;
  at: number;
}

/** Lifecycle events the simulator can send. */
export type LifecycleEvent = "reauthorizationRequired" | "subscriptionRemoved" | "missed";

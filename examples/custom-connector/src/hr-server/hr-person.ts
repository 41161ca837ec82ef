/** One person as the HR system's REST API returns it. */
export interface HrPerson {
  id: string;
  email: string;
  name: string;
  active: boolean;
  /** When the person last changed (ISO 8601); strictly increasing across the directory. */
  updatedAt: string;
}

/** One page of `GET /api/people`. */
export interface HrPeoplePage {
  people: HrPerson[];
  /** Opaque cursor of the next page, or `null` on the last one. */
  next: string | null;
  /** The directory's clock when the page was read: changes after it have a later `updatedAt`. */
  asOf: string;
}

import type { QueryConfig, QueryResult, QueryResultRow } from "pg";

/** What the stores need from a pool or a checked-out client: a parameterised query, or a named one. */
export interface Queryable {
  query<Row extends QueryResultRow = QueryResultRow>(
    text: string,
    values?: ReadonlyArray<unknown>,
  ): Promise<QueryResult<Row>>;
  query<Row extends QueryResultRow = QueryResultRow>(config: QueryConfig): Promise<QueryResult<Row>>;
}

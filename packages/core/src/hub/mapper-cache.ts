import type { AnyConnector } from "../connector/connector";
import type { EntityKind } from "../connector/source-page";
import type { MappingEngine, RecordMapper } from "../mapping/mapping-engine";
import type { IntegrationRecord } from "../storage/records";

/** Compiled mappers per integration and kind, compiled once per integration revision. */
export interface MapperCache {
  mapperFor(record: IntegrationRecord, connector: AnyConnector): (kind: EntityKind) => RecordMapper;
  forget(integrationId: string): void;
}

/** Creates a {@link MapperCache} over a mapping engine. */
export function createMapperCache(engine: MappingEngine): MapperCache {
  const cache = new Map<string, { revision: number; byKind: Map<EntityKind, RecordMapper> }>();
  return {
    mapperFor: (record, connector) => (kind) => {
      let entry = cache.get(record.id);
      if (!entry || entry.revision !== record.revision) {
        entry = { revision: record.revision, byKind: new Map() };
        cache.set(record.id, entry);
      }
      let mapper = entry.byKind.get(kind);
      if (!mapper) {
        mapper = engine.compile({
          kind,
          defaults: connector.defaultMappings[kind],
          overrides: record.mappings[kind],
        });
        entry.byKind.set(kind, mapper);
      }
      return mapper;
    },
    forget: (integrationId) => {
      cache.delete(integrationId);
    },
  };
}

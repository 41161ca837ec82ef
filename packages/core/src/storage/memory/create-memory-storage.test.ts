import { runStorageConformance } from "../../testing";
import { createMemoryStorage } from "./create-memory-storage";

runStorageConformance({ name: "memory", create: async () => createMemoryStorage() });

// The request fields live in src/domain/validation/fields.ts (the lifecycle payloads use them too);
// routes import them from here.
export * from '../domain/validation/fields.ts';

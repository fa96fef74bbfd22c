/** platform/http: the Fastify server, problem+json errors, and route helpers. */
export { createHttpServer, type HttpServer, type HttpOptions } from './server';
export { problemSchema, problemHandler, requestLang, type Lang } from './problem';
export { requirePermission, requireActor, callerOf } from './guards';
export { calendarDate, dateRange } from './query-dates';

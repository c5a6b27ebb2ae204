// pg-boss 10's SQL builders (node_modules/pg-boss/src/plans.js; no types of its own): the worker runs
// its job insert inside the statement that queues a poll's items (src/feeds/worker.ts).
declare module 'pg-boss/src/plans.js' {
  const plans: { insertJobs(schema: string): string };
  export default plans;
}

// usage: node --import tsx api-bench.mts TREE N
const [tree, n] = [process.argv[2]!, Number(process.argv[3] ?? 2000)];
const { createApp } = await import(`${tree}/src/server/app.ts`);
const { openStore } = await import(`${tree}/src/store/index.ts`);
const store = await openStore('/tmp/api-bench.db');
const app = createApp(store, { loopback: true });
const urls = ['/api/events?limit=50', '/api/events?country=Syria&limit=50', '/api/events?event_type=Protests&from=2020-01&limit=100', '/api/stats?country=Yemen'];
for (let i = 0; i < 200; i++) await (await app.request(urls[i % urls.length])).arrayBuffer();
const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const r = await app.request(urls[i % urls.length]);
  if (r.status !== 200) throw new Error(String(r.status));
  await r.arrayBuffer();
}
const cpu = process.cpuUsage(c0); const wall = performance.now() - t0;
console.log(`${tree}: ${((cpu.user + cpu.system) / n).toFixed(0)} µs cpu/request, ${(wall * 1000 / n).toFixed(0)} µs wall/request`);
await store.close();

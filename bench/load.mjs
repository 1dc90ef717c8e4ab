// Load generator for `npm run bench`, run as its own process so it does not share the server's
// event loop. Usage: node bench/load.mjs <baseUrl> <durationSeconds> <connections> <path>...
// Cycles through the given paths and prints autocannon's result as one JSON line.
import autocannon from 'autocannon';

const [baseUrl, duration, connections, ...paths] = process.argv.slice(2);
let next = 0;

const result = await autocannon({
  url: baseUrl,
  duration: Number(duration),
  connections: Number(connections),
  requests: [
    {
      setupRequest: (request) => {
        request.path = paths[next++ % paths.length];
        return request;
      },
    },
  ],
});

console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    latencyMedianMs: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }),
);

// The baseline of bench/server.ts: the same framework answering a constant, nothing else.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
// The same POST the vote bench sends, body parsed by Fastify and ignored: the client does the same work.
app.post('/', async () => ({ hello: 'world' }));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening on ${address}`);

// An ES module handler (.mjs), importing a relative ES module.
import { shout } from './shout.mjs';

export const handler = async (event) => ({ statusCode: 200, body: shout(event.body || 'esm') });

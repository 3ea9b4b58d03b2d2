// Node's ESM loader wants file extensions, which tfjs-core's ESM files leave out ("./gradients"
// for gradients.js; bundlers add them). training/tf.ts imports two of those files for their side
// effects, so Node scripts that train (npm run check:lessons, bench:pbt, …) register this hook:
// a relative import that fails for want of an extension is retried with .js, then /index.js.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.startsWith('.') || !['ERR_UNSUPPORTED_DIR_IMPORT', 'ERR_MODULE_NOT_FOUND'].includes(error?.code)) throw error;
    try {
      return await next(specifier + '.js', context);
    } catch {
      return next(specifier + '/index.js', context);
    }
  }
}
`));

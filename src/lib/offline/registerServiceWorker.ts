/** Registers the offline service worker (dist/sw.js) of a production build; never throws. */
export async function registerServiceWorker(scriptUrl = './sw.js'): Promise<ServiceWorkerRegistration | null> {
  if (!('serviceWorker' in navigator)) return null;
  try {
    // Relative to the page, so the app works from any sub-path of a course site.
    return await navigator.serviceWorker.register(scriptUrl, { scope: './' });
  } catch (error) {
    // Opaque-origin iframes, private modes and file:// refuse service workers: the app still runs online.
    console.info(`Offline use is unavailable here: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

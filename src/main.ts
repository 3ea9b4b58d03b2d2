import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerServiceWorker } from './lib/offline/registerServiceWorker';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

export default mount(App, { target });

// Only the production build has a service worker (dist/sw.js); in dev it would cache stale modules.
if (import.meta.env.PROD) void registerServiceWorker();

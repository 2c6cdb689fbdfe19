// Explainer loader, written by the build with the hashed asset names. It mounts an
// explainer into every [data-explainer] element, now and later. Assets resolve against
// this file's own URL, so it works from any path or CDN prefix.
import init, { start } from './{{JS}}';

const base = new URL('.', import.meta.url);
try {
  await init({ module_or_path: new URL('{{WASM}}', base) });
  start(new URL('{{CSS}}', base).href);
} catch (error) {
  // Blocked, failed or too old: keep the pre-rendered content readable, say why.
  console.warn('explainer: interactive mode is not available here', error);
  for (const host of document.querySelectorAll('[data-explainer]')) {
    host.setAttribute('data-explainer-failed', '');
    if (host.shadowRoot) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL('static.css', base).href;
      host.shadowRoot.append(link);
    }
  }
}

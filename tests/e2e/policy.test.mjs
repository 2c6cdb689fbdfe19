// Strict pages: a Content-Security-Policy (with hashes, nonces, Trusted Types) and a CDN of
// another origin.
// Runs against the release build in dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, ready, until, shadow, axe } from './lib.mjs';
import { serve } from './server.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.close(); });

test('under a strict CSP it renders, works, and fetches nothing from another origin', async () => {
  const page = await open(env.browser, `${env.base}hosts/csp.html`);
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  await ready(page);
  await page.locator('[data-key="entity:nvidia"]').click();
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")));
  // As accessible as anywhere, with the panel open (axe from the server: see lib.mjs).
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.messages, []);
  const origin = new URL(env.base).origin;
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(origin)), []);
  await page.context().close();
});

test('served from a CDN of another origin (with CORS), a snippet and an empty host load, hydrate and work', async () => {
  const cdn = await serve(undefined, { cors: true });
  const at = `http://127.0.0.1:${cdn.address().port}/`;
  const page = await open(env.browser, `${env.base}hosts/cdn.html?cdn=${encodeURIComponent(at)}`, { hasTouch: true, isMobile: true });
  await ready(page, 2);
  for (const host of ['[data-explainer]:not(#fresh)', '#fresh']) {
    await page.locator(host).locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
    assert.ok(await until(() => shadow(page, host, "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")), host);
  }
  assert.deepEqual(page.messages, []);
  // The explainer's files all come from the CDN: the loader, bindings, WASM, stylesheet.
  const from = (re) => page.requests.filter((u) => re.test(u));
  assert.deepEqual(from(/(embed\.js|explainer-[^/]*\.(js|wasm|css))$/).filter((u) => !u.startsWith(at)), []);
  assert.equal(from(/\.wasm$/).length, 1);
  await page.context().close();
  cdn.close();
});

test('on a cross-origin isolated page (COOP and COEP require-corp), served from a CDN with CORS: both explainers styled, nothing refused', async () => {
  // Such a page loads another origin's files only if fetched with CORS (or allowed by CORP,
  // which a CDN rarely sends): the stylesheet the code links for an empty host was fetched
  // without, refused, and the explainer drawn unstyled after 3 s.
  const cdn = await serve(undefined, { cors: true });
  const at = `http://127.0.0.1:${cdn.address().port}/`;
  try {
    const page = await open(env.browser, null, { hasTouch: true, isMobile: true });
    const refused = [];
    page.on('requestfailed', (r) => refused.push(`${r.url()}: ${r.failure()?.errorText}`));
    await page.goto(`${env.base}hosts/cdn.html?cdn=${encodeURIComponent(at)}&isolated`);
    assert.equal(await page.evaluate(() => crossOriginIsolated), true, 'the page is isolated');
    await ready(page, 2);
    assert.deepEqual(refused, []);
    for (const host of ['[data-explainer]:not(#fresh)', '#fresh']) {
      assert.equal(await shadow(page, host, "return getComputedStyle(root.querySelector('.xp-root')).containerType"), 'inline-size', `${host} is styled`);
      await page.locator(host).locator('[data-key="entity:nvidia"]').filter({ visible: true }).tap();
      assert.ok(await until(() => shadow(page, host, "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")), host);
    }
    assert.deepEqual(page.messages, []);
    await page.context().close();
  } finally {
    cdn.close();
  }
});

test('a pre-rendered snippet under a strict CSP: styled by hash, or by the loader when the hash is missing', async () => {
  const styled = (page) => shadow(page, '[data-explainer]',
    "return getComputedStyle(root.querySelector('.xp-root')).containerType === 'inline-size' && [...root.querySelectorAll('.xp-node')].filter((n) => n.getClientRects().length).length");
  // With the build's hash in style-src: styled from the first paint, nothing refused.
  const page = await open(env.browser, `${env.base}hosts/csp-prerendered.html?hash`);
  assert.match(await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy')), /style-src 'self' 'sha256-/);
  assert.equal(await styled(page), 18);
  await page.locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
  assert.ok(await until(() => shadow(page, '[data-explainer]', "return root.querySelector('.xp-panel h3')?.textContent === 'Nvidia'")));
  // As accessible as anywhere, with the panel open (axe from the server: see lib.mjs).
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(page.messages, []);
  const origin = new URL(env.base).origin;
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(origin)), []);
  await page.context().close();
  // Without it the browser refuses the inline style (and says so); the loader links the file.
  const bare = await open(env.browser, `${env.base}hosts/csp-prerendered.html`);
  assert.equal(await until(() => styled(bare)), 18);
  assert.equal(await shadow(bare, '[data-explainer]', "return root.querySelectorAll('link[data-xp-css]').length"), 1);
  assert.ok(bare.messages.length > 0 && bare.messages.every((m) => /Content Security Policy/.test(m)), bare.messages.join('\n'));
  await bare.context().close();
});

test('under a CSP that does not let WebAssembly compile (no \'wasm-unsafe-eval\'), a pre-rendered snippet stays whole and says it is not interactive, an empty host says so, and the page\'s developer is told why, once', async () => {
  // A newsroom's policy from before the explainer: the code is fetched, then refused.
  for (const [url, prerendered] of [['hosts/csp-prerendered.html?hash', true], ['hosts/csp.html', false]]) {
    const page = await open(env.browser);
    let policy = '';
    await page.route((u) => u.pathname.endsWith('.html'), async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      policy = headers['content-security-policy'].replace(" 'wasm-unsafe-eval'", '');
      await route.fulfill({ response, headers: { ...headers, 'content-security-policy': policy } });
    });
    await page.goto(`${env.base}${url}`);
    assert.match(policy, /script-src 'self'; /);
    await page.waitForFunction(() => document.querySelector('[data-explainer]').hasAttribute('data-explainer-failed'));
    await page.waitForTimeout(300);
    const seen = await shadow(page, '[data-explainer]', `const shown = (el) => !!el && el.getBoundingClientRect().height > 1;
      return { nodes: [...root.querySelectorAll('.xp-node')].filter(shown).length, views: [...root.querySelectorAll('.xp-view')].filter(shown).length,
        note: [...root.querySelectorAll('.xp-static-note, [role=note]')].filter(shown).map((n) => n.textContent.trim()) };`);
    if (prerendered) {
      // The whole explainer to read, every view open, and a line that says why nothing answers.
      assert.equal(seen.nodes, 18, `${url}: the drawing stays`);
      assert.equal(seen.views, 4, `${url}: every view shows`);
      assert.deepEqual(seen.note, ['Interaction is not available here: this is the explainer’s whole content.'], `${url}: says why`);
    } else {
      assert.deepEqual(seen.note, ['The interactive explainer could not load on this page.'], `${url}: not blank`);
    }
    assert.equal(page.messages.length, 1, page.messages.join('\n'));
    assert.match(page.messages[0], /^warning: explainer: interactive mode is not available here CompileError: .*Content Security Policy/i);
    assert.deepEqual(await axe(page), []);
    await page.context().close();
  }
});

test('where the page enforces Trusted Types, it renders, hydrates, redraws, draws the diagram again after another tab, and works', async () => {
  // Yew writes raw HTML as a plain string, which such a page refuses: the diagram's
  // controls go in through the explainer's own policy, allowed by name in the CSP.
  const panel = (page) => page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-panel h3')?.textContent);
  const nodes = (page) => page.evaluate(() => [...document.querySelector('[data-explainer]').shadowRoot.querySelectorAll('.xp-node')]
    .filter((n) => n.getClientRects().length).length);
  // An empty host, rendered in the browser; then the other language, which redraws it.
  const page = await open(env.browser, `${env.base}hosts/csp.html?tt`);
  assert.match(await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy')), /require-trusted-types-for 'script'/);
  await ready(page);
  assert.equal(await nodes(page), 18);
  await page.locator('[data-key="entity:nvidia"]').click();
  assert.ok(await until(async () => (await panel(page)) === 'Nvidia'));
  await page.locator('.xp-close').click();
  await page.locator('.xp-lang').click();
  assert.ok(await until(() => page.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-root').lang === 'fr')));
  await page.locator('[data-key="relationship:nvidia-openai-loi"]').click();
  assert.ok(await until(async () => (await panel(page)) === 'Nvidia → OpenAI'));
  assert.deepEqual(page.messages, []);
  await page.context().close();
  // A pre-rendered snippet: hydrated by the first tap, then laid out again for a wider page.
  const pre = await open(env.browser, `${env.base}hosts/csp-prerendered.html?hash&tt`);
  await pre.locator('[data-key="entity:nvidia"]').filter({ visible: true }).click();
  assert.ok(await until(async () => (await panel(pre)) === 'Nvidia'));
  const drawn = () => pre.evaluate(() => document.querySelector('[data-explainer]').shadowRoot.querySelector('.xp-svg').getAttribute('viewBox'));
  const narrow = await drawn();
  await pre.setViewportSize({ width: 1280, height: 800 });
  assert.ok(await until(async () => (await drawn()) !== narrow), 'laid out again');
  assert.equal(await nodes(pre), 18);
  await pre.locator('[data-key="entity:openai"]').filter({ visible: true }).click();
  assert.ok(await until(async () => (await panel(pre)) === 'OpenAI'));
  // Another tab, then the diagram again: built anew, by the client, through the policy.
  await pre.locator('[id$="-tab-timeline"]').click();
  await pre.locator('[id$="-tab-diagram"]').click();
  assert.ok(await until(async () => (await nodes(pre)) === 18), `the diagram drawn again: ${await nodes(pre)} nodes`);
  await pre.locator('[data-key="entity:amd"]').filter({ visible: true }).click();
  assert.ok(await until(async () => (await panel(pre)) === 'AMD'));
  assert.deepEqual(pre.messages, []);
  await pre.context().close();
});

test('under a nonce-based strict CSP with strict-dynamic and Trusted Types, both embeds work', async () => {
  // The policy web.dev recommends: only the nonce'd loader is trusted, and what it imports.
  const page = await open(env.browser, `${env.base}hosts/csp-nonce.html`);
  assert.match(await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy')), /'strict-dynamic'/);
  const title = (sel) => page.evaluate((s) => document.querySelector(s).shadowRoot.querySelector('.xp-panel h3')?.textContent, sel);
  await page.waitForFunction(() => document.querySelector('#live').hasAttribute('data-explainer-ready'));
  await page.locator('#live [data-key="entity:nvidia"]').click();
  assert.ok(await until(async () => (await title('#live')) === 'Nvidia'));
  // The pre-rendered snippet, styled by the build's hash, hydrated by the tap.
  await page.locator('[data-explainer]:first-of-type [data-key="entity:openai"]').filter({ visible: true }).click();
  assert.ok(await until(async () => (await title('[data-explainer]:first-of-type')) === 'OpenAI'));
  assert.deepEqual(page.messages, []);
  const origin = new URL(env.base).origin;
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(origin)), []);
  await page.context().close();
});

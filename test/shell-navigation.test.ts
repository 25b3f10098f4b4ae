// Where the window may go, what it may load, who may call the main process, and the CSP.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decideWindowOpen, isAllowedExternalUrl, isAllowedNavigation, isAllowedRequest, isAppPageUrl } from '../electron/main/navigation.js';
import { checkIpcSender } from '../electron/main/ipc-guard.js';
import { buildCsp, parseCsp } from '../electron/main/csp.js';

const DEV = 'http://localhost:5173/';

describe('navigation allow-list', () => {
  it('allows only the app’s own pages', () => {
    assert.ok(isAllowedNavigation('app://huibian/index.html'));
    assert.ok(isAllowedNavigation('app://huibian/index.html#/case/1'));
    for (const url of [
      'https://www.mca.gov.cn/',
      'http://localhost:5173/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'app://huibian.evil.com/index.html',
      'app://user:pw@huibian/index.html',
      'app://huibian:8080/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'chrome://settings',
      'not a url',
      '',
    ]) {
      assert.equal(isAllowedNavigation(url), false, url);
    }
  });

  it('allows the dev server only in development, and only its exact origin', () => {
    assert.ok(isAllowedNavigation('http://localhost:5173/src/main.tsx', DEV));
    assert.equal(isAllowedNavigation('http://localhost:5174/', DEV), false);
    assert.equal(isAllowedNavigation('http://127.0.0.1:5173/', DEV), false);
    assert.equal(isAllowedNavigation('https://localhost:5173/', DEV), false);
    assert.equal(isAppPageUrl('http://localhost:5173/'), false);
  });
});

describe('external links', () => {
  it('opens allow-listed http(s) hosts and their subdomains', () => {
    assert.ok(isAllowedExternalUrl('https://www.mca.gov.cn/article/xw/'));
    assert.ok(isAllowedExternalUrl('http://mca.gov.cn/'));
    assert.ok(isAllowedExternalUrl('https://www.gov.cn/zhengce/'));
    assert.ok(isAllowedExternalUrl('https://MZT.SHANDONG.GOV.CN/'));
  });

  it('refuses other schemes, hosts that only look alike, credentials and bare IPs', () => {
    for (const url of [
      'https://mca.gov.cn.evil.com/',
      'https://evilgov.cn/',
      'https://notmca.gov.cn.attacker.org/',
      'https://user:pw@www.mca.gov.cn/',
      'https://1.2.3.4/',
      'http://[::1]/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'app://huibian/index.html',
      'https://example.com/',
      'nonsense',
    ]) {
      assert.equal(isAllowedExternalUrl(url), false, url);
    }
  });

  it('window.open is always denied; allowed links go to the browser instead', () => {
    assert.deepEqual(decideWindowOpen('https://www.mca.gov.cn/'), { action: 'deny', openExternally: 'https://www.mca.gov.cn/' });
    assert.deepEqual(decideWindowOpen('https://evil.example/'), { action: 'deny', openExternally: null });
    assert.deepEqual(decideWindowOpen('app://huibian/index.html'), { action: 'deny', openExternally: null });
  });
});

describe('no remote content', () => {
  it('lets through the app, data:, blob: and nothing from the network', () => {
    assert.ok(isAllowedRequest('app://huibian/assets/index.js'));
    assert.ok(isAllowedRequest('data:image/png;base64,AAAA'));
    assert.ok(isAllowedRequest('blob:app://huibian/1234'));
    for (const url of ['https://cdn.example.com/x.js', 'http://127.0.0.1:8080/api', 'ws://localhost:5173/', 'file:///etc/passwd', 'app://other/x']) {
      assert.equal(isAllowedRequest(url), false, url);
    }
  });

  it('in development also the dev server and its HMR socket', () => {
    assert.ok(isAllowedRequest('http://localhost:5173/@vite/client', DEV));
    assert.ok(isAllowedRequest('ws://localhost:5173/', DEV));
    assert.equal(isAllowedRequest('ws://localhost:9999/', DEV), false);
    assert.equal(isAllowedRequest('https://cdn.example.com/x.js', DEV), false);
  });

  it('the team server the user set, by WebSocket only', () => {
    const team = 'wss://huibian.example.gov.cn';
    assert.ok(isAllowedRequest('wss://huibian.example.gov.cn/', undefined, team));
    assert.equal(isAllowedRequest('https://huibian.example.gov.cn/x.js', undefined, team), false);
    assert.equal(isAllowedRequest('wss://other.example.com/', undefined, team), false);
    assert.equal(isAllowedRequest('wss://huibian.example.gov.cn/', undefined, null), false);
  });
});

describe('IPC sender check', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  it('accepts the app page in the main frame', () => {
    assert.deepEqual(checkIpcSender(frame('app://huibian/index.html')), { ok: true });
  });

  it('refuses other origins, sub-frames and destroyed frames', () => {
    for (const event of [
      frame('https://evil.example/'),
      frame('file:///tmp/x.html'),
      frame('app://huibian.evil/index.html'),
      frame('about:blank'),
      frame(''),
      frame('app://huibian/index.html', { url: 'app://huibian/index.html' }),
      { senderFrame: null },
    ]) {
      const verdict = checkIpcSender(event);
      assert.equal(verdict.ok, false, JSON.stringify(event));
    }
  });

  it('accepts the dev server only when one is configured', () => {
    assert.equal(checkIpcSender(frame('http://localhost:5173/')).ok, false);
    assert.equal(checkIpcSender(frame('http://localhost:5173/'), DEV).ok, true);
  });
});

describe('Content-Security-Policy', () => {
  it('packaged: scripts from the app only, never eval, no plugins, no framing', () => {
    const policy = buildCsp();
    const csp = parseCsp(policy);
    assert.ok(!policy.includes('unsafe-eval'));
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('connect-src'), ["'self'"]);
    for (const sources of csp.values()) {
      assert.ok(!sources.some((s) => s === '*' || s === 'http:' || s === 'https:'), `wildcard source in ${policy}`);
    }
  });

  it('development: still no eval, and only the dev server added', () => {
    const policy = buildCsp({ devServerUrl: DEV });
    assert.ok(!policy.includes('unsafe-eval'));
    assert.deepEqual(parseCsp(policy).get('connect-src'), ["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
  });

  it('with a team server: connect-src adds exactly its WebSocket origin', () => {
    assert.deepEqual(parseCsp(buildCsp({ teamServer: 'wss://huibian.example.gov.cn/' })).get('connect-src'), ["'self'", 'wss://huibian.example.gov.cn']);
    assert.deepEqual(parseCsp(buildCsp({ teamServer: 'https://x' })).get('connect-src'), ["'self'"]);
  });
});

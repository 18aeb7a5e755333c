// Real ORCID/OIDC client libraries from npm against the ORCID emulator, as an integrator would use them
// (NodeClientsTest starts the emulator, runs `npm ci`, then this script, and checks what it prints):
//   openid-client: discovery, the authorization code flow with id_token validation (RS256 via the JWKS), userinfo,
//                  a member-API read as a protected resource, an unknown path, refresh;
//   passport-orcid: the strategy's redirect and its code exchange (which reads ORCID's orcid and name);
//   plain fetch:   a token from the public API host, through its 307 to the OAuth host.
// The sign-in and consent pages are driven like a browser: cookies kept, forms posted, redirects not followed.
// Prints one JSON line on stdout; a failure exits 1 with the reason on stderr.

import * as oidc from 'openid-client';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const OrcidStrategy = require('passport-orcid');

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};
const base = env('ORCID_BASE');
const clientId = env('CLIENT_ID');
const clientSecret = env('CLIENT_SECRET');
const redirectUri = env('REDIRECT_URI');
const username = env('RESEARCHER_USERNAME');
const password = env('RESEARCHER_PASSWORD');

/** A cookie-keeping user agent that shows each redirect instead of following it. */
class Browser {
  cookies = new Map();
  autoApproved = false;

  async request(url, init = {}) {
    const headers = new Headers(init.headers ?? {});
    if (this.cookies.size > 0) {
      headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    }
    const res = await fetch(new URL(url, base), { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }

  post(url, form) {
    return this.request(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    });
  }

  /** Follows an authorize URL through sign-in and consent; returns where ORCID sends the user back. */
  async authorize(url) {
    this.autoApproved = false;
    let res = await this.request(url);
    if (res.status === 302) {
      this.autoApproved = true;
      return res.headers.get('location');
    }
    let html = await expectPage(res, 'the authorize page');
    if (html.includes('name="password"')) {
      res = await this.post('/oauth/authorize', { authorization: hidden(html, 'authorization'), username, password });
      if (res.status === 302) {
        this.autoApproved = true;
        return res.headers.get('location');
      }
      html = await expectPage(res, 'the consent page');
    }
    res = await this.post('/oauth/authorize', { authorization: hidden(html, 'authorization'), decision: 'authorize' });
    if (res.status !== 302) throw new Error(`consent answered ${res.status}: ${await res.text()}`);
    return res.headers.get('location');
  }
}

async function expectPage(res, what) {
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${what} answered ${res.status}: ${text}`);
  return text;
}

function hidden(html, name) {
  const m = html.match(new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`));
  if (!m) throw new Error(`no hidden ${name} in ${html}`);
  return m[1].replaceAll('&amp;', '&').replaceAll('&quot;', '"');
}

const result = {};
const browser = new Browser();

// ---- openid-client ---------------------------------------------------------------------------------------------
// The emulator speaks plain HTTP on loopback; openid-client refuses that unless told (ORCID itself is HTTPS).
const config = await oidc.discovery(new URL(base), clientId, clientSecret, undefined,
  { execute: [oidc.allowInsecureRequests] });
result.issuer = config.serverMetadata().issuer;

const state = oidc.randomState();
const nonce = oidc.randomNonce();
const authorizeUrl = oidc.buildAuthorizationUrl(config,
  { redirect_uri: redirectUri, scope: 'openid /read-limited', state, nonce });
const callback = await browser.authorize(authorizeUrl.href);
const tokens = await oidc.authorizationCodeGrant(config, new URL(callback),
  { expectedState: state, expectedNonce: nonce });
const claims = tokens.claims();
result.openid = {
  sub: claims.sub, iss: claims.iss, aud: claims.aud, nonceChecked: claims.nonce === nonce,
  orcid: tokens.orcid, name: tokens.name, scope: tokens.scope, tokenType: tokens.token_type,
  autoApproved: browser.autoApproved,
};

const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
result.userinfo = { sub: userinfo.sub, givenName: userinfo.given_name, familyName: userinfo.family_name };

const json = new Headers({ Accept: 'application/vnd.orcid+json' });
const recordResponse = await oidc.fetchProtectedResource(config, tokens.access_token,
  new URL(`${base}/v3.0/${claims.sub}/record`), 'GET', undefined, json);
const record = await recordResponse.json();
result.record = {
  status: recordResponse.status, contentType: recordResponse.headers.get('content-type'),
  orcid: record['orcid-identifier'].path, sections: Object.keys(record['activities-summary']),
};

const unknown = await oidc.fetchProtectedResource(config, tokens.access_token,
  new URL(`${base}/v3.0/${claims.sub}/affiliations`), 'GET', undefined, new Headers({ Accept: 'application/json' }));
result.unknownPath = { status: unknown.status, error: await unknown.json() };

const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token);
result.refresh = { orcid: refreshed.orcid, scope: refreshed.scope, newToken: refreshed.access_token !== tokens.access_token };

// ---- the public API host's token endpoint -----------------------------------------------------------------------
const publicToken = await fetch(`${base}/pub/oauth/token`, {
  method: 'POST',
  headers: { Accept: 'application/json' },
  body: new URLSearchParams({ grant_type: 'client_credentials', scope: '/read-public', client_id: clientId,
    client_secret: clientSecret }),
});
result.publicHostToken = { status: publicToken.status, redirected: publicToken.redirected,
  scope: (await publicToken.json()).scope };

// ---- passport-orcid ---------------------------------------------------------------------------------------------
const strategy = new OrcidStrategy({ clientID: clientId, clientSecret, callbackURL: redirectUri },
  (accessToken, refreshToken, params, profile, done) =>
    done(null, { orcid: params.orcid, name: params.name, hasToken: Boolean(accessToken) }));
// passport-orcid knows only orcid.org and sandbox.orcid.org; an integrator testing against the emulator points the
// underlying OAuth2 client at it.
strategy._oauth2._authorizeUrl = `${base}/oauth/authorize`;
strategy._oauth2._accessTokenUrl = `${base}/oauth/token`;

const run = (req) => new Promise((resolve, reject) => {
  strategy.redirect = (url) => resolve({ redirect: url });
  strategy.success = (user) => resolve({ user });
  strategy.fail = (challenge) => reject(new Error(`passport failed: ${JSON.stringify(challenge)}`));
  strategy.error = (err) => reject(err instanceof Error ? err : new Error(JSON.stringify(err)));
  strategy.authenticate(req, {});
});
const first = await run({ query: {}, headers: {}, url: '/auth/orcid' });
const passportCallback = new URL(await browser.authorize(first.redirect));
const second = await run({ query: Object.fromEntries(passportCallback.searchParams), headers: {},
  url: passportCallback.pathname + passportCallback.search });
result.passport = { ...second.user, scopeAsked: new URL(first.redirect).searchParams.get('scope'),
  autoApproved: browser.autoApproved };

console.log(JSON.stringify(result));

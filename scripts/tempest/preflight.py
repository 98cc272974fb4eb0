#!/usr/bin/python3
"""Check that a Keystone v3 endpoint can carry tempest's dynamic credentials.

usage: preflight.py IDENTITY_V3_URL  (env: OS_USERNAME OS_PASSWORD OS_PROJECT_NAME
                                        OS_USER_DOMAIN_NAME OS_PROJECT_DOMAIN_NAME)

Exit 0 when everything tempest needs before its first test works, 1 when it does
not ("FATAL" lines), printing "WARN" lines for things that will fail individual
tests. Only standard-library Python; makes no changes except issuing one token.
Every check mirrors code in /usr/lib/python3/dist-packages/tempest (cited).
"""
import datetime
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request

FATAL, WARN = [], []


def req(method, url, body=None, token=None, headers=None):
    h = {'Accept': 'application/json', 'Content-Type': 'application/json'}
    if token:
        h['X-Auth-Token'] = token
    h.update(headers or {})
    data = json.dumps(body).encode() if body is not None else None
    r = urllib.request.Request(url, data=data, method=method, headers=h)
    try:
        with urllib.request.urlopen(r, timeout=30) as resp:
            return resp.status, resp.headers, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def jload(raw, what):
    try:
        return json.loads(raw)
    except ValueError:
        FATAL.append('%s: body is not JSON: %r' % (what, raw[:200]))
        return None


def main(v3):
    v3 = v3.rstrip('/')
    ok = lambda msg: print('ok    ' + msg)  # noqa: E731

    # 1. version documents (tempest/lib/services/identity/v3/versions_client.py,
    #    identity_client.py show_api_description)
    try:
        st, _, raw = req('GET', v3)
    except OSError as e:
        print('FATAL cannot reach %s: %s' % (v3, e))
        return 1
    if st != 200:
        WARN.append('GET %s -> %s (tempest expects 200 with {"version": {...}})'
                    % (v3, st))
    else:
        ver = (jload(raw, 'GET ' + v3) or {}).get('version', {})
        missing = [k for k in ('id', 'links', 'media-types', 'status',
                               'updated') if k not in ver]
        if missing:
            WARN.append('GET %s: "version" lacks %s' % (v3, missing))
        else:
            ok('GET %s -> 200 version document' % v3)
    root = v3.rsplit('/v3', 1)[0] + '/'
    st, _, raw = req('GET', root)
    if st != 300:
        WARN.append('GET %s -> %s (versions_client.list_versions expects 300 '
                    'Multiple Choices with {"versions": {"values": [...]}})'
                    % (root, st))
    else:
        ok('GET %s -> 300 versions list' % root)

    # 2. admin token, exactly as tempest asks for it (token_client.py auth())
    user = os.environ.get('OS_USERNAME', 'admin')
    body = {'auth': {'identity': {'methods': ['password'], 'password': {
        'user': {'name': user, 'password': os.environ['OS_PASSWORD'],
                 'domain': {'name': os.environ.get('OS_USER_DOMAIN_NAME',
                                                   'Default')}}}},
        'scope': {'project': {
            'name': os.environ.get('OS_PROJECT_NAME', 'admin'),
            'domain': {'name': os.environ.get('OS_PROJECT_DOMAIN_NAME',
                                              'Default')}}}}}
    st, hdr, raw = req('POST', v3 + '/auth/tokens', body)
    if st != 201:
        print('FATAL POST %s/auth/tokens (admin, project scope) -> %s: %s'
              % (v3, st, raw[:300]))
        return 1
    token = hdr.get('X-Subject-Token')
    if not token:
        print('FATAL POST /auth/tokens: no X-Subject-Token header')
        return 1
    tok = (jload(raw, 'POST /auth/tokens') or {}).get('token', {})
    ok('POST /auth/tokens -> 201 with X-Subject-Token')
    # lib/auth.py KeystoneAuthProvider._parse_expiry_time
    for key in ('expires_at', 'issued_at'):
        val = tok.get(key)
        parsed = False
        for fmt in ('%Y-%m-%dT%H:%M:%S.%fZ', '%Y-%m-%dT%H:%M:%SZ'):
            try:
                datetime.datetime.strptime(val or '', fmt)
                parsed = True
            except ValueError:
                pass
        if not parsed:
            (FATAL if key == 'expires_at' else WARN).append(
                'token.%s=%r: tempest only parses %%Y-%%m-%%dT%%H:%%M:%%S'
                '[.%%f]Z (UTC, literal Z)' % (key, val))
    # lib/auth.py KeystoneV3AuthProvider._fill_credentials
    for path in (('user', 'id'), ('user', 'name'), ('user', 'domain', 'id'),
                 ('user', 'domain', 'name'), ('project', 'id'),
                 ('project', 'name'), ('project', 'domain', 'id'),
                 ('project', 'domain', 'name')):
        cur = tok
        for p in path:
            cur = cur.get(p) if isinstance(cur, dict) else None
        if cur is None:
            FATAL.append('token.%s missing' % '.'.join(path))
    if not tok.get('roles'):
        WARN.append('token.roles is empty')
    # lib/auth.py KeystoneV3AuthProvider.base_url
    catalog = tok.get('catalog')
    ident = [s for s in catalog or [] if s.get('type') == 'identity']
    if not ident:
        FATAL.append('token.catalog has no service of type "identity"')
    else:
        for ep in ident[0].get('endpoints', []):
            miss = [k for k in ('interface', 'region', 'url') if k not in ep]
            if miss:
                FATAL.append('identity endpoint %s lacks %s (base_url() indexes'
                             ' them directly)' % (ep.get('id'), miss))
        ok('catalog: identity endpoints %s' % [
            (e.get('interface'), e.get('region'), e.get('url'))
            for e in ident[0].get('endpoints', [])])

    # 3. token validation by the same token (identity_client.show_token)
    st, _, raw = req('GET', v3 + '/auth/tokens', token=token,
                     headers={'X-Subject-Token': token})
    if st != 200:
        WARN.append('GET /auth/tokens (validate) -> %s' % st)
    else:
        ok('GET /auth/tokens -> 200')
    st, _, raw = req('HEAD', v3 + '/auth/tokens', token=token,
                     headers={'X-Subject-Token': token})
    if st != 200 or raw:
        WARN.append('HEAD /auth/tokens -> %s, body %d bytes (expects 200, '
                    'empty body)' % (st, len(raw)))

    # 4. what cred_client.V3CredsClient does first
    st, _, raw = req('GET', v3 + '/domains?name=Default', token=token)
    doms = (jload(raw, 'GET /domains?name=Default') or {}).get('domains') \
        if st == 200 else None
    if not doms or doms[0].get('name') != 'Default':
        FATAL.append('GET /domains?name=Default -> %s %r (dynamic creds take '
                     '["domains"][0])' % (st, raw[:200]))
    else:
        ok('GET /domains?name=Default -> %s' % doms[0].get('id'))
    st, _, raw = req('GET', v3 + '/roles', token=token)
    roles = [r.get('name', '').lower() for r in
             (jload(raw, 'GET /roles') or {}).get('roles', [])] \
        if st == 200 else []
    if st != 200:
        FATAL.append('GET /roles -> %s' % st)
    for r in ('admin', 'member', 'reader'):
        if r not in roles:
            (FATAL if r == 'admin' else WARN).append('role %r missing' % r)
    if st == 200:
        ok('GET /roles -> %s' % sorted(roles))

    # 5. error bodies (rest_client._error_checker): JSON content type
    st, hdr, raw = req('GET', v3 + '/projects/does-not-exist-0000', token=token)
    ctype = (hdr.get('Content-Type') or '').lower().replace(' ', '')
    if st != 404:
        WARN.append('GET /projects/<missing> -> %s (expected 404)' % st)
    elif ctype not in ('application/json', 'application/json;charset=utf-8'):
        WARN.append('404 Content-Type %r: tempest raises UnexpectedContentType'
                    ' unless it is application/json[; charset=utf-8]' % ctype)
    else:
        ok('404 error body is application/json')

    for w in WARN:
        print('WARN  ' + w)
    for f in FATAL:
        print('FATAL ' + f)
    return 1 if FATAL else 0


if __name__ == '__main__':
    if len(sys.argv) != 2 or 'OS_PASSWORD' not in os.environ:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))

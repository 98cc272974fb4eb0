#!/usr/bin/env bash
# Run tempest 33.0.0's network (Neutron v2.0) API tests against kumo: the modules the network service
# implements so far, through run-identity.sh (same workspace, preflight, results and summary), with
# neutron switched on and the network options set to what kumo has.
#
# Required environment: KUMO_URL (e.g. http://127.0.0.1:5000), OS_PASSWORD (admin's), as run-identity.sh.
# Optional:
#   TEMPEST_REGEX          default: the phase-1 modules below
#   TEMPEST_NETWORK_EXTENSIONS  [network-feature-enabled] api_extensions (default: what
#                          GET /network/v2.0/extensions lists, read from the running kumo)
#   TEMPEST_PUBLIC_NETWORK_ID   [network] public_network_id (default: the first external network, else a
#                          "tempest-public" external network with 172.24.4.0/24 made here)
#   TEMPEST_EXCLUDE_LIST   default: exclude-network.txt next to this script ("none" = none)
#   everything else run-identity.sh reads (WORKSPACE, RESULTS_DIR, TEMPEST_CONCURRENCY, TEMPEST_MIN_PASS, ...)
#
#   KUMO_URL=http://127.0.0.1:5000 OS_PASSWORD=... scripts/tempest/run-network.sh
#
# Results: $RESULTS_DIR/summary.txt (counts, failures with reasons, skips) as for identity.
set -uo pipefail

KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
die() { echo "run-network.sh: $*" >&2; exit 2; }

[ -n "${KUMO_URL:-}" ] || die "KUMO_URL is not set (e.g. http://127.0.0.1:5000)"
[ -n "${OS_PASSWORD:-}" ] || die "OS_PASSWORD (admin password) is not set"

PHASE1='^tempest\.api\.network\.(test_networks|test_networks_negative|test_ports|test_extensions|test_versions'
PHASE1+='|test_tags|test_subnetpools_extensions|test_allowed_address_pair|test_dhcp_ipv6|admin\.test_external_network_extension'
PHASE1+='|admin\.test_external_networks_negative|admin\.test_quotas|admin\.test_negative_quotas|admin\.test_ports'
# phase 2: routers, floating IPs, security groups
PHASE1+='|test_routers|test_routers_negative|admin\.test_routers|admin\.test_routers_negative|test_floating_ips'
PHASE1+='|test_floating_ips_negative|admin\.test_floating_ips_admin_actions|test_security_groups'
PHASE1+='|test_security_groups_negative'
# agents and the operator's views
PHASE1+='|test_agent_management_negative|admin\.test_dhcp_agent_scheduler)\.'
export TEMPEST_REGEX=${TEMPEST_REGEX:-$PHASE1}
export TEMPEST_EXCLUDE_LIST=${TEMPEST_EXCLUDE_LIST-$KIT_DIR/exclude-network.txt}

# What the server says it implements is what tempest is told (tempest gates tests on this list), and the
# external network tempest's public-network tests use: an existing one, else one made here (as DevStack does).
DISCOVERED=$("$PY" - "$KUMO_URL" <<'PYEOF'
import json, os, sys, urllib.request
base = sys.argv[1].rstrip('/')
auth = {'auth': {'identity': {'methods': ['password'], 'password': {'user': {
    'name': os.environ.get('OS_USERNAME', 'admin'), 'password': os.environ['OS_PASSWORD'],
    'domain': {'name': os.environ.get('OS_USER_DOMAIN_NAME', 'Default')}}}},
    'scope': {'project': {'name': os.environ.get('OS_PROJECT_NAME', 'admin'),
                          'domain': {'name': os.environ.get('OS_PROJECT_DOMAIN_NAME', 'Default')}}}}}
def call(method, path, token=None, body=None):
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(),
                                 method=method, headers={'Content-Type': 'application/json',
                                                         **({'X-Auth-Token': token} if token else {})})
    return urllib.request.urlopen(req, timeout=30)
token = call('POST', '/identity/v3/auth/tokens', body=auth).headers['X-Subject-Token']
exts = json.load(call('GET', '/network/v2.0/extensions', token))['extensions']
public = os.environ.get('TEMPEST_PUBLIC_NETWORK_ID', '')
if not public:
    nets = json.load(call('GET', '/network/v2.0/networks?router:external=true', token))['networks']
    if nets:
        public = nets[0]['id']
    else:
        net = json.load(call('POST', '/network/v2.0/networks', token, {'network': {
            'name': 'tempest-public', 'router:external': True}}))['network']
        call('POST', '/network/v2.0/subnets', token, {'subnet': {'network_id': net['id'], 'ip_version': 4,
             'cidr': '172.24.4.0/24', 'enable_dhcp': False, 'name': 'tempest-public-subnet'}})
        public = net['id']
print(','.join(sorted(e['alias'] for e in exts)) + ' ' + public)
PYEOF
) || die "cannot read the extensions (or find an external network) at $KUMO_URL/network/v2.0"
TEMPEST_NETWORK_EXTENSIONS=${TEMPEST_NETWORK_EXTENSIONS:-${DISCOVERED% *}}
PUBLIC_NETWORK_ID=${DISCOVERED#* }

EXTRA=$(mktemp "${TMPDIR:-/tmp}/kumo-tempest-network.XXXXXX.conf")
trap 'rm -f "$EXTRA"' EXIT
cat > "$EXTRA" <<EOF2
[service_available]
neutron = true

[network]
catalog_type = network
region = ${KUMO_REGION:-RegionOne}
endpoint_type = publicURL
project_network_cidr = 10.100.0.0/16
project_network_mask_bits = 28
project_network_v6_cidr = 2001:db8::/48
project_network_v6_mask_bits = 64
public_network_id = $PUBLIC_NETWORK_ID
shared_physical_network = false

[network-feature-enabled]
api_extensions = $TEMPEST_NETWORK_EXTENSIONS
ipv6 = true
ipv6_subnet_attributes = true
port_admin_state_change = true
port_security = true
floating_ips = true
EOF2
if [ -n "${TEMPEST_EXTRA_CONF:-}" ]; then
    # both: ours first, the caller's merged over it
    "$PY" - "$EXTRA" "$TEMPEST_EXTRA_CONF" <<'PYEOF' || die "cannot merge TEMPEST_EXTRA_CONF"
import configparser, sys
base = configparser.RawConfigParser(); base.optionxform = str; base.read(sys.argv[1])
extra = configparser.RawConfigParser(); extra.optionxform = str; extra.read(sys.argv[2])
for sec in extra.sections():
    if not base.has_section(sec):
        base.add_section(sec)
    for k, v in extra.items(sec):
        base.set(sec, k, v)
with open(sys.argv[1], 'w') as f:
    base.write(f)
PYEOF
fi
echo "== network extensions given to tempest: $TEMPEST_NETWORK_EXTENSIONS"
echo "== public network: $PUBLIC_NETWORK_ID"
TEMPEST_EXTRA_CONF="$EXTRA" "$KIT_DIR/run-identity.sh"

#!/usr/bin/env bash
# Run tempest's scenario tests test_server_basic_ops and test_network_basic_ops against a kumo with the
# real drivers (a VM boots under QEMU; tempest SSHes into it through a floating IP): run-compute.sh's
# configuration with validation on, isolated networks and routers per test, and the public network.
# Needs root if tempest's SSH must reach the floating IPs: the host reaches them through kumo's external
# bridge, which holds the public subnet's gateway address.
#
# Required environment: KUMO_URL, OS_PASSWORD (admin's), as run-identity.sh.
#   KUMO_URL=http://127.0.0.1:5000 OS_PASSWORD=... scripts/tempest/run-scenario.sh
set -uo pipefail
KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
die() { echo "run-scenario.sh: $*" >&2; exit 2; }
[ -n "${KUMO_URL:-}" ] || die "KUMO_URL is not set (e.g. http://127.0.0.1:5000)"
[ -n "${OS_PASSWORD:-}" ] || die "OS_PASSWORD (admin password) is not set"

PUBLIC_NETWORK_ID=$("$PY" - "$KUMO_URL" <<'PYEOF'
import json, os, sys, urllib.request
base = sys.argv[1].rstrip('/')
auth = {'auth': {'identity': {'methods': ['password'], 'password': {'user': {
    'name': os.environ.get('OS_USERNAME', 'admin'), 'password': os.environ['OS_PASSWORD'],
    'domain': {'name': 'Default'}}}}, 'scope': {'project': {'name': 'admin', 'domain': {'name': 'Default'}}}}}
req = urllib.request.Request(base + '/identity/v3/auth/tokens', data=json.dumps(auth).encode(),
                             headers={'Content-Type': 'application/json'})
token = urllib.request.urlopen(req, timeout=30).headers['X-Subject-Token']
req = urllib.request.Request(base + '/network/v2.0/networks?router:external=true', headers={'X-Auth-Token': token})
nets = json.load(urllib.request.urlopen(req, timeout=30))['networks']
print(nets[0]['id'] if nets else '')
PYEOF
) || die "cannot list the external networks at $KUMO_URL"
[ -n "$PUBLIC_NETWORK_ID" ] || die "kumo has no external network (network.demo_networks makes 'public')"

EXTRA=$(mktemp "${TMPDIR:-/tmp}/kumo-tempest-scenario.XXXXXX.conf")
trap 'rm -f "$EXTRA"' EXIT
cat > "$EXTRA" <<EOF2
[auth]
create_isolated_networks = true

[compute]
build_timeout = 300
build_interval = 2

[compute-feature-enabled]
metadata_service = true
config_drive = true

[validation]
run_validation = true
connect_method = floating
auth_method = keypair
image_ssh_user = cirros
ip_version_for_ssh = 4
ping_timeout = 120
connect_timeout = 60
ssh_timeout = 300

[network]
public_network_id = $PUBLIC_NETWORK_ID
floating_network_name = public
project_network_cidr = 10.100.0.0/16
project_network_mask_bits = 28

[network-feature-enabled]
floating_ips = true
port_security = true

[scenario]
dhcp_client = udhcpc
EOF2
export TEMPEST_REGEX=${TEMPEST_REGEX:-'^tempest\.scenario\.(test_server_basic_ops\.TestServerBasicOps\.test_server_basic_ops|test_network_basic_ops\.TestNetworkBasicOps\.test_network_basic_ops)'}
TEMPEST_EXTRA_CONF="$EXTRA" "$KIT_DIR/run-compute.sh"

#!/usr/bin/env bash
# Run tempest 33.0.0's compute (Nova v2.1) API tests against kumo: the modules this slice implements
# (flavors, keypairs, servers list/show/create/delete, actions, limits, quotas, snapshots through the image
# proxy, server groups, simple tenant usage), through run-identity.sh
# (same workspace, preflight, results and summary), with nova switched on and the compute options set to
# what kumo has: an image (cirros, else one made here), flavors 1 and 2, and a shared network every test
# project boots on (kumo has no routers yet, so tempest must not make isolated networks).
#
# Required environment: KUMO_URL (e.g. http://127.0.0.1:5000), OS_PASSWORD (admin's), as run-identity.sh.
# Optional:
#   TEMPEST_REGEX          default: the modules below
#   TEMPEST_EXCLUDE_LIST   default: none ("none" = none)
#   TEMPEST_MIN_COMPUTE_NODES  default 1; 2 against --emulated (two fake hosts) runs the multi-node server group tests
#   everything else run-identity.sh reads (WORKSPACE, RESULTS_DIR, TEMPEST_CONCURRENCY, TEMPEST_MIN_PASS, ...)
#
#   KUMO_URL=http://127.0.0.1:5000 OS_PASSWORD=... scripts/tempest/run-compute.sh
#
# Results: $RESULTS_DIR/summary.txt (counts, failures with reasons, skips) as for identity.
set -uo pipefail

KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PY=/usr/bin/python3
die() { echo "run-compute.sh: $*" >&2; exit 2; }

[ -n "${KUMO_URL:-}" ] || die "KUMO_URL is not set (e.g. http://127.0.0.1:5000)"
[ -n "${OS_PASSWORD:-}" ] || die "OS_PASSWORD (admin password) is not set"

SLICE='^tempest\.api\.compute\.(flavors\.|keypairs\.|limits\.|test_versions|test_quotas'
SLICE+='|servers\.test_create_server\.|servers\.test_list_servers_negative|servers\.test_list_server_filters'
SLICE+='|servers\.test_servers\.|servers\.test_servers_negative|servers\.test_server_actions|servers\.test_instance_actions'
SLICE+='|admin\.test_flavors|admin\.test_quotas|admin\.test_hypervisor\.|admin\.test_services\.'
SLICE+='|admin\.test_availability_zone\.|admin\.test_keypairs_v210'
SLICE+='|servers\.test_server_group|admin\.test_simple_tenant_usage|admin\.test_servers_on_multinodes'
SLICE+='|images\.test_images|images\.test_list_image|images\.test_image_metadata_negative)'
export TEMPEST_REGEX=${TEMPEST_REGEX:-$SLICE}
export TEMPEST_EXCLUDE_LIST=${TEMPEST_EXCLUDE_LIST-none}

# An image to boot (the built-in cirros if the server registered it) and a shared network for every project.
DISCOVERED=$("$PY" - "$KUMO_URL" <<'PYEOF'
import json, os, sys, urllib.request
base = sys.argv[1].rstrip('/')
auth = {'auth': {'identity': {'methods': ['password'], 'password': {'user': {
    'name': os.environ.get('OS_USERNAME', 'admin'), 'password': os.environ['OS_PASSWORD'],
    'domain': {'name': os.environ.get('OS_USER_DOMAIN_NAME', 'Default')}}}},
    'scope': {'project': {'name': os.environ.get('OS_PROJECT_NAME', 'admin'),
                          'domain': {'name': os.environ.get('OS_PROJECT_DOMAIN_NAME', 'Default')}}}}}
def call(method, path, token=None, body=None, ctype='application/json'):
    data = body if isinstance(body, bytes) else (None if body is None else json.dumps(body).encode())
    req = urllib.request.Request(base + path, data=data, method=method,
                                 headers={'Content-Type': ctype, **({'X-Auth-Token': token} if token else {})})
    return urllib.request.urlopen(req, timeout=60)
token = call('POST', '/identity/v3/auth/tokens', body=auth).headers['X-Subject-Token']
images = json.load(call('GET', '/image/v2/images?name=cirros', token))['images']
if images:
    image = images[0]['id']
else:
    image = json.load(call('POST', '/image/v2/images', token, {'name': 'cirros', 'disk_format': 'raw',
        'container_format': 'bare', 'visibility': 'public'}))['id']
    call('PUT', '/image/v2/images/%s/file' % image, token, b'\0' * 1048576, 'application/octet-stream')
nets = json.load(call('GET', '/network/v2.0/networks?name=tempest-compute', token))['networks']
if nets:
    net = nets[0]
else:
    net = json.load(call('POST', '/network/v2.0/networks', token, {'network': {
        'name': 'tempest-compute', 'shared': True}}))['network']
    call('POST', '/network/v2.0/subnets', token, {'subnet': {'network_id': net['id'], 'ip_version': 4,
         'cidr': '10.250.0.0/16', 'name': 'tempest-compute-subnet'}})
print(image + ' ' + net['name'])
PYEOF
) || die "cannot find or make an image and a shared network at $KUMO_URL"
IMAGE_ID=${DISCOVERED% *}
NETWORK_NAME=${DISCOVERED#* }

EXTRA=$(mktemp "${TMPDIR:-/tmp}/kumo-tempest-compute.XXXXXX.conf")
trap 'rm -f "$EXTRA"' EXIT
cat > "$EXTRA" <<EOF2
[service_available]
nova = true
neutron = true
glance = true
cinder = false

[auth]
create_isolated_networks = false

[compute]
catalog_type = compute
region = ${KUMO_REGION:-RegionOne}
endpoint_type = publicURL
image_ref = $IMAGE_ID
image_ref_alt = $IMAGE_ID
flavor_ref = 1
flavor_ref_alt = 2
fixed_network_name = $NETWORK_NAME
min_compute_nodes = ${TEMPEST_MIN_COMPUTE_NODES:-1}
min_microversion = 2.1
max_microversion = 2.79
build_timeout = 60
build_interval = 1

[compute-feature-enabled]
# tempest's default filters plus the two whose hints kumo's scheduler also honours
scheduler_enabled_filters = AvailabilityZoneFilter,ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter,ServerGroupAffinityFilter,SameHostFilter,DifferentHostFilter
resize = true
cold_migration = false
live_migration = false
snapshot = true
console_output = true
rescue = false
shelve = false
suspend = true
pause = true
interface_attach = false
change_password = false
metadata_service = false
config_drive = true
personality = false
vnc_console = false
serial_console = false
spice_console = false
rdp_console = false
block_migration_for_live_migration = false
attach_encrypted_volume = false
swap_volume = false
stable_rescue = false
volume_multiattach = false
hostname_fqdn_sanitization = false

[validation]
run_validation = false

[network]
catalog_type = network
region = ${KUMO_REGION:-RegionOne}
endpoint_type = publicURL

[network-feature-enabled]
floating_ips = false
EOF2
if [ -n "${TEMPEST_EXTRA_CONF:-}" ]; then
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
echo "== image: $IMAGE_ID  network: $NETWORK_NAME"
TEMPEST_EXTRA_CONF="$EXTRA" "$KIT_DIR/run-identity.sh"

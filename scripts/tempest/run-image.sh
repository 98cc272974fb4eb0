#!/usr/bin/env bash
# Run tempest 33.0.0's image v2 API tests (tempest.api.image.v2, 83 tests) against kumo.
#
# A thin layer over run-identity.sh, which writes the workspace and tempest.conf, runs and summarises:
# this script switches Glance on and describes kumo's image service to tempest, then hands over.
#
# Required environment: KUMO_URL, OS_PASSWORD (as for run-identity.sh).
# Optional: everything run-identity.sh takes (WORKSPACE, RESULTS_DIR, TEMPEST_CONCURRENCY, TEMPEST_MIN_PASS,
#   ...) except TEMPEST_EXTRA_CONF, which this script sets; TEMPEST_REGEX defaults to the image v2 tests and
#   TEMPEST_EXCLUDE_LIST to exclude-image.txt next to this script.
#
# Exit status and results: as run-identity.sh.
set -uo pipefail

KIT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXTRA=$(mktemp "${TMPDIR:-/tmp}/kumo-tempest-image.XXXXXX.conf")
trap 'rm -f "$EXTRA"' EXIT

cat > "$EXTRA" <<'CONF'
[service_available]
glance = true

[image]
catalog_type = image
endpoint_type = publicURL
# tempest uploads random bytes as images of these formats (ListUserImagesTest uses the first six
# container/disk pairs). kumo checks uploads against their disk_format with qemu-img, as Glance does
# since 2024.1, so only formats whose content may be any bytes are listed: random bytes are not qcow2.
disk_formats = raw,ami,ari,aki,iso
container_formats = bare,ami,ari,aki,ovf,ova
image_caching_enabled = false
build_timeout = 60

[image-feature-enabled]
api_v2 = true
api_v1 = false
# glance-direct (stage, then import) is kumo's import method
import_image = true
# os_glance_* properties are reserved, as in Glance since Wallaby
os_glance_reserved = true
# no http store, so no image locations
manage_locations = false
CONF

export TEMPEST_EXTRA_CONF="$EXTRA"
export TEMPEST_REGEX="${TEMPEST_REGEX:-^tempest\.api\.image\.v2\.}"
export TEMPEST_EXCLUDE_LIST="${TEMPEST_EXCLUDE_LIST-$KIT_DIR/exclude-image.txt}"
"$KIT_DIR/run-identity.sh"

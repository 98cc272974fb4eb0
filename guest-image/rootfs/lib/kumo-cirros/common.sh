# Helpers shared by the boot steps (sourced by /etc/init.d/rcS; busybox ash).
export PATH=/sbin:/bin:/usr/sbin:/usr/bin
KC_RUN=/run/kumo-cirros
KC_DS="$KC_RUN/ds"          # what the datasource returned: instance-id, hostname, public-keys, ...
KC_LIB=/lib/kumo-cirros
mkdir -p "$KC_DS"

# Seconds since boot with two decimals, as CirrOS prints them ("up 1.06").
kc_uptime() { cut -d' ' -f1 /proc/uptime; }

# load_module NAME: insmod NAME after everything it depends on (order computed at build time by
# depmod), skipping what is already loaded. The kernel's own module loader is switched off, so
# this is the only way a module gets in.
load_module() {
	local line ko name
	line=$(grep "^$1 " "$KC_LIB/modules.dep") || return 1
	for ko in ${line#* }; do
		name=${ko##*/}
		name=${name%.ko}
		[ -d "/sys/module/${name//-/_}" ] || insmod "$ko" || return 1
	done
}

# The drivers for the devices present: the modules whose aliases (regular expressions made from
# the kernel's modalias globs at build time, with their literal prefix first because busybox awk
# compiles a dynamic regex on every match) match a device's modalias. Repeated, because a
# loaded bus driver (virtio_pci, ata_piix) makes new devices (virtio NIC, SCSI cdrom) appear.
coldplug() {
	local name loaded
	for _ in 1 2 3 4; do
		loaded=0
		for name in $(cat /sys/bus/*/devices/*/modalias 2>/dev/null | awk '
			NR == FNR { pre[NR] = $1; re[NR] = $2; mod[NR] = $3; n = NR; next }
			{ for (i = 1; i <= n; i++)
				if (index($0, pre[i]) == 1 && !(mod[i] in seen) && $0 ~ re[i]) { seen[mod[i]]; print mod[i] } }
			' "$KC_LIB/modules.alias" -); do
			[ -d "/sys/module/$name" ] || { load_module "$name" && loaded=1; }
		done
		[ "$loaded" = 1 ] || break
	done
}

# kc_json FILE KEY: one scalar of a flattened JSON file (see json-flatten.awk), e.g. "uuid" or
# "public_keys.mykey".
kc_json() { awk -F'\t' -v k="$2" '$1 == k { print substr($0, length(k) + 2); exit }' "$1"; }

# kc_read_openstack DIR: fill $KC_DS from an OpenStack-format tree (config drive or metadata
# service copy): DIR/meta_data.json and optionally DIR/user_data.
kc_read_openstack() {
	local flat="$KC_DS/meta_data.flat"
	awk -f "$KC_LIB/json-flatten.awk" "$1/meta_data.json" > "$flat" || return 1
	kc_json "$flat" uuid > "$KC_DS/instance-id"
	kc_json "$flat" name > "$KC_DS/name"
	kc_json "$flat" hostname > "$KC_DS/hostname"
	kc_json "$flat" availability_zone > "$KC_DS/availability-zone"
	kc_json "$flat" launch_index > "$KC_DS/launch-index"
	awk -F'\t' '$1 ~ /^public_keys\./ { print substr($0, index($0, "\t") + 1) }' "$flat" > "$KC_DS/public-keys"
	if [ -f "$1/user_data" ]; then cp "$1/user_data" "$KC_DS/user-data"; fi
	[ -s "$KC_DS/instance-id" ]
}

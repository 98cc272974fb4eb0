# Config drive (Nova's --config-drive): a volume labelled config-2 with openstack/latest/. Read
# before the network, as CirrOS's configdrive datasource; when found, the metadata service is
# not asked.
kc_configdrive() {
	local dev mnt="$KC_RUN/configdrive"
	dev=$(findfs LABEL=config-2 2>/dev/null || findfs LABEL=CONFIG-2 2>/dev/null) || return 1
	for m in isofs vfat nls_cp437 nls_iso8859_1 nls_utf8; do load_module "$m"; done
	mkdir -p "$mnt"
	mount -o ro -t iso9660 "$dev" "$mnt" 2>/dev/null || mount -o ro -t vfat "$dev" "$mnt" || {
		echo "config drive $dev: cannot mount it (neither iso9660 nor vfat)"; return 1; }
	if kc_read_openstack "$mnt/openstack/latest"; then
		echo configdrive > "$KC_DS/dsname"
		echo local > "$KC_DS/dsmode"
		echo "found datasource (configdrive, local) on $dev: up $(kc_uptime). iid=$(cat "$KC_DS/instance-id")"
	else
		echo "config drive $dev has no openstack/latest/meta_data.json with a uuid"
	fi
	umount "$mnt"
	[ -s "$KC_DS/dsname" ]
}

echo "cirros-ds 'local' up at $(kc_uptime)"
kc_configdrive || true

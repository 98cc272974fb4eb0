# Per-instance state on the boot partition (FAT, label KUMO-CIRROS), as CirrOS keeps it on its
# root filesystem: the SSH host key survives reboots and user-data runs once per instance. A
# snapshot booted as another instance (another instance-id) is a first boot again: new host key,
# its user-data runs. Booted without that partition (kernel + ramdisk), every boot is a first boot.
# rcS unmounts it when the boot sequence ends.
KC_STATE="$KC_RUN/state"
kc_saved="$KC_STATE/kumo-state"
kc_first_boot=1
if kc_boot_dev=$(findfs LABEL=KUMO-CIRROS 2>/dev/null); then
	for m in vfat nls_cp437 nls_ascii; do load_module "$m"; done
	mkdir -p "$KC_STATE"
	if mount -t vfat -o rw,noatime "$kc_boot_dev" "$KC_STATE"; then
		mkdir -p "$kc_saved"
		if [ -f "$kc_saved/instance-id" ] &&
			[ "$(cat "$kc_saved/instance-id")" = "$(cat "$KC_DS/instance-id" 2>/dev/null)" ]; then
			kc_first_boot=0
		fi
	else
		echo "warning: cannot mount the boot partition $kc_boot_dev: nothing persists across reboots"
		kc_saved=""
	fi
else
	kc_saved=""
fi
# kc_save NAME FILE: keep FILE for the next boot of this instance.
kc_save() { [ -n "$kc_saved" ] && cp "$2" "$kc_saved/$1"; }

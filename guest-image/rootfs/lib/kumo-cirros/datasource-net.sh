# Metadata service at 169.254.169.254: the OpenStack format first, EC2 as the fallback. Tries
# 20 times a second apart with CirrOS's console lines, then goes on without (no keys).
KC_MD=http://169.254.169.254
KC_MD_TRIES=20

# kc_md_get PATH FILE: 0 = fetched; 1 = the server answered with an error; 2 = no answer.
kc_md_get() {
	local err
	err=$(timeout 5 wget -q -O "$2" "$KC_MD/$1" 2>&1) && return 0
	rm -f "$2"
	case "$err" in *"server returned error"*) return 1 ;; esac
	return 2
}

kc_md_openstack() {
	local dir="$KC_RUN/openstack"
	mkdir -p "$dir"
	kc_md_get openstack/latest/meta_data.json "$dir/meta_data.json" || return $?
	kc_md_get openstack/latest/user_data "$dir/user_data"
	kc_read_openstack "$dir" || return 1
	echo openstack > "$KC_DS/dsname"
}

kc_md_ec2() {
	local base=2009-04-04/meta-data idx
	kc_md_get "$base/instance-id" "$KC_DS/instance-id" || return $?
	kc_md_get "$base/hostname" "$KC_DS/hostname"
	kc_md_get "$base/placement/availability-zone" "$KC_DS/availability-zone"
	kc_md_get "$base/ami-launch-index" "$KC_DS/launch-index"
	kc_md_get 2009-04-04/user-data "$KC_DS/user-data"
	: > "$KC_DS/public-keys"
	if kc_md_get "$base/public-keys/" "$KC_RUN/ec2-keys"; then
		for idx in $(cut -d= -f1 "$KC_RUN/ec2-keys"); do
			kc_md_get "$base/public-keys/$idx/openssh-key" "$KC_RUN/ec2-key" &&
				{ cat "$KC_RUN/ec2-key"; echo; } >> "$KC_DS/public-keys"
		done
	fi
	echo ec2 > "$KC_DS/dsname"
}

# One try: OpenStack, then EC2 if the server answered but has no OpenStack data.
kc_md_try() {
	kc_md_openstack
	[ $? = 1 ] && kc_md_ec2
	[ -s "$KC_DS/dsname" ]
}

if [ ! -s "$KC_DS/dsname" ]; then
	echo "cirros-ds 'net' up at $(kc_uptime)"
	echo "checking $KC_MD/2009-04-04/instance-id"
	i=0
	while [ $i -lt $KC_MD_TRIES ]; do
		i=$((i + 1))
		up=$(kc_uptime)
		kc_md_try && break
		echo "failed $i/$KC_MD_TRIES: up $up. request failed"
		[ $i -lt $KC_MD_TRIES ] && sleep 1
	done
	if [ -s "$KC_DS/dsname" ]; then
		echo net > "$KC_DS/dsmode"
		echo "successful after $i/$KC_MD_TRIES tries: up $up. iid=$(cat "$KC_DS/instance-id")"
	else
		echo "failed to read iid from metadata. tried $KC_MD_TRIES"
		echo "no results found for mode=net. up $(kc_uptime). searched: configdrive openstack ec2"
	fi
fi

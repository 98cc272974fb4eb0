# user-data that starts with "#!" runs on the instance's first boot, after sshd is up, its output
# on the console. Then the instance id is saved: later boots of this instance are not first boots.
if [ -s "$KC_DS/user-data" ] && [ "$(head -c 2 "$KC_DS/user-data")" = "#!" ]; then
	if [ "$kc_first_boot" = 1 ]; then
		cp "$KC_DS/user-data" "$KC_RUN/user-data.run"
		chmod 700 "$KC_RUN/user-data.run"
		echo "running user-data script"
		"$KC_RUN/user-data.run"
		echo "user-data script exited with status $?"
	else
		echo "user-data already ran on this instance's first boot"
	fi
fi
[ -s "$KC_DS/instance-id" ] && kc_save instance-id "$KC_DS/instance-id"

# dropbear on port 22, key logins only. The ed25519 host key is made on an instance's first boot
# and kept on the boot partition; it is printed the way cloud images print it, for
# `console log show`.
mkdir -p /etc/dropbear /var/log
kc_hostkey=/etc/dropbear/dropbear_ed25519_host_key
if [ "$kc_first_boot" = 0 ] && [ -s "$kc_saved/ssh_host_ed25519_key" ]; then
	cp "$kc_saved/ssh_host_ed25519_key" "$kc_hostkey"
	chmod 600 "$kc_hostkey"
else
	dropbearkey -t ed25519 -f "$kc_hostkey" > /dev/null 2>&1
	kc_save ssh_host_ed25519_key "$kc_hostkey"
fi
if dropbear -r "$kc_hostkey" -p 22 -s -P /run/dropbear.pid; then
	echo "Starting dropbear sshd: OK"
else
	echo "Starting dropbear sshd: FAILED"
fi
kc_pub=$(dropbearkey -y -f "$kc_hostkey" | grep '^ssh-ed25519')
kc_fp=$(dropbearkey -y -f "$kc_hostkey" | sed -n 's/^Fingerprint: //p')
echo "-----BEGIN SSH HOST KEY FINGERPRINTS-----"
echo "256 $kc_fp root@$(hostname) (ED25519)"
echo "-----END SSH HOST KEY FINGERPRINTS-----"
echo "-----BEGIN SSH HOST KEY KEYS-----"
echo "${kc_pub% *} root@$(hostname)"
echo "-----END SSH HOST KEY KEYS-----"

# Hostname and SSH keys from the datasource. The hostname is the first label of the metadata's
# hostname, else the one DHCP gave, else "cirros".
kc_hostname=$(cut -d. -f1 "$KC_DS/hostname" 2>/dev/null | tr -cd 'A-Za-z0-9-')
if [ -n "$kc_hostname" ]; then hostname "$kc_hostname"; fi
[ "$(hostname)" = "(none)" ] && hostname cirros
hostname > /etc/hostname
printf '127.0.1.1\t%s\n' "$(hostname)" >> /etc/hosts

# kc_install_keys USER HOME
kc_install_keys() {
	mkdir -p "$2/.ssh"
	grep -v '^[[:space:]]*$' "$KC_DS/public-keys" > "$2/.ssh/authorized_keys" 2>/dev/null
	chmod 700 "$2" "$2/.ssh"
	chmod 600 "$2/.ssh/authorized_keys"
	chown -R "$1:$1" "$2"
}
kc_install_keys cirros /home/cirros
kc_install_keys root /root
if [ -s /home/cirros/.ssh/authorized_keys ]; then
	echo "installed $(wc -l < /home/cirros/.ssh/authorized_keys) ssh key(s) for cirros and root"
else
	echo "warning: no public keys from the datasource: ssh logins are impossible"
fi

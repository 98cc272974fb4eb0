# eth0 by DHCP (busybox udhcpc; its hook applies MTU, classless static routes, DNS, hostname).
# udhcpc does not raise the link itself, and its default script path is not ours: hence -s.
echo "Starting network..."
ip link set lo up
if ip link show eth0 >/dev/null 2>&1; then
	ip link set eth0 up
	udhcpc -i eth0 -s /usr/share/udhcpc/default.script -p /run/udhcpc.eth0.pid \
		-O mtu -O staticroutes -t 10 -T 1 -A 3 -b
else
	echo "WARN: no eth0: no network driver found for any device"
fi

# CirrOS's end-of-boot summary: network, datasource, version, and how to log in.
echo "=== network info ==="
ip -o -4 addr show | awk '{ print "if-info: " $2 "," $4 }'
ip link show eth0 2>/dev/null | awk 'NR == 1 { for (i = 1; i < NF; i++) if ($i == "mtu") print "if-info: eth0,mtu," $(i + 1) }'
ip route | sed 's/^/ip-route:/'
if [ -s "$KC_DS/dsname" ]; then
	echo "=== datasource: $(cat "$KC_DS/dsname") $(cat "$KC_DS/dsmode") ==="
else
	echo "=== datasource: None None ==="
fi
for item in instance-id name availability-zone hostname launch-index; do
	val=$(cat "$KC_DS/$item" 2>/dev/null)
	[ "$item" = hostname ] && item=local-hostname
	echo "$item: ${val:-N/A}"
done
echo "=== cirros: current=$(cat /etc/kumo-cirros/version) uptime=$(kc_uptime) ==="
cat /etc/kumo-cirros/banner

# Reads a config drive directory with cloud-init's own OpenStack datasource helpers and prints what cloud-init
# understood as JSON. Usage: python3 cloud_init_read_config_drive.py CLOUDINIT_SITE_PACKAGES CONFIG_DRIVE_DIR
import json
import sys

sys.path.insert(0, sys.argv[1])
from cloudinit import sources  # noqa: E402
from cloudinit.sources.helpers import openstack  # noqa: E402

result = openstack.ConfigDriveReader(sys.argv[2]).read_v2()
md = result["metadata"]
network_data = result.get("networkdata")
macs = {link["ethernet_mac_address"]: "eth%d" % i for i, link in enumerate((network_data or {}).get("links", []))}
network = openstack.convert_net_json(network_data, known_macs=macs) if network_data else None
userdata = result.get("userdata")
print(json.dumps({
    "instance_id": md.get("instance-id"),
    "local_hostname": md.get("local-hostname"),
    "public_keys": sources.normalize_pubkey_data(md.get("public_keys")),
    "userdata": userdata.decode() if isinstance(userdata, bytes) else userdata,
    "ec2_instance_id": result["ec2-metadata"].get("instance-id"),
    "network": network,
    "vendordata": result.get("vendordata"),
    "selected_version_files": sorted(result.keys()),
}))

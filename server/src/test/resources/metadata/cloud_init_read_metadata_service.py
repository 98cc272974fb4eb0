# Reads kumo's metadata service with cloud-init's own OpenStack datasource reader (MetadataReader.read_v2, which
# also crawls the EC2 tree) and prints what cloud-init understood as JSON.
# Usage: python3 cloud_init_read_metadata_service.py SITE_PACKAGES SOCKET SOURCE_IP ROUTER_ID
# A loopback HTTP listener stands in for the router's haproxy: it forwards each request to kumo's unix socket and
# sets X-Forwarded-For and X-Neutron-Router-ID, as haproxy does. Nothing leaves the machine: cloud-init's default
# EC2 address (169.254.169.254) is replaced by the loopback listener's.
import http.client
import http.server
import json
import socket
import sys
import threading

sys.path.insert(0, sys.argv[1])
from cloudinit import sources  # noqa: E402
from cloudinit.sources.helpers import ec2, openstack  # noqa: E402

SOCKET, SOURCE_IP, ROUTER_ID = sys.argv[2], sys.argv[3], sys.argv[4]
paths = []


class UnixConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(SOCKET)


class Proxy(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        paths.append(self.path)
        conn = UnixConnection("localhost")
        conn.request("GET", self.path, headers={"X-Forwarded-For": SOURCE_IP, "X-Neutron-Router-ID": ROUTER_ID})
        reply = conn.getresponse()
        body = reply.read()
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.getheader("Content-Type", "text/plain"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d" % server.server_address[1]

reader = openstack.MetadataReader(base, timeout=5, retries=0)
reader._read_ec2_metadata = lambda: ec2.get_instance_metadata(metadata_address=base, timeout=5, retries=0)
result = reader.read_v2()
md = result["metadata"]
ec2_md = result["ec2-metadata"]
userdata = result.get("userdata")
print(json.dumps({
    "instance_id": md.get("instance-id"),
    "local_hostname": md.get("local-hostname"),
    "public_keys": sources.normalize_pubkey_data(md.get("public_keys")),
    "userdata": userdata.decode() if isinstance(userdata, bytes) else userdata,
    "networkdata": result.get("networkdata"),
    "ec2": {k: v for k, v in ec2_md.items() if isinstance(v, (str, dict, list))},
    "paths": paths,
}, default=str))
server.shutdown()
